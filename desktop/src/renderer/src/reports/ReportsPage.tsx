import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EffectReport, ReportSubject } from '../api/report.schema.js';
import { useServices } from '../app/services.js';
import { useLocalCampaigns, useLocalThemes } from '../campaigns/queries.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { downloadText } from '../platform/download-file.js';
import { ExperimentPanel } from './ExperimentPanel.js';
import { useEffectReport, useReportHtml } from './queries.js';
import { errorText, formatLift, formatRate, formatRoi, reportErrorKey, reportFileName } from './report-format.js';

function Kpis({ report }: { report: EffectReport }) {
  const { t } = useTranslation();
  const items = [
    ['participation', report.participation.toLocaleString()],
    ['orders', report.orders.toLocaleString()],
    ['gmv', formatFen(report.gmv)],
    ['discountCost', formatFen(report.discountCost)],
    ['roi', formatRoi(report.roi)],
    ['budgetBurn', formatRate(report.budgetBurn)],
  ] as const;
  return (
    <div className="kpis" data-testid="report-kpis">
      {items.map(([key, value]) => (
        <div key={key} className="card kpi" data-testid={`report-kpi-${key}`}>
          <div className="kpi__label">{t(`reports.kpi.${key}`)}</div>
          <div className="kpi__value">{value}</div>
        </div>
      ))}
    </div>
  );
}

function Expected({ report }: { report: EffectReport }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <div className="card__head">
        <h3>{t('reports.expected.title')}</h3>
        <span className="muted small">{t(`reports.expected.basis.${report.lift.basis}`)}</span>
      </div>
      <table className="table table--compact" data-testid="report-expected">
        <thead>
          <tr>
            <th>{t('reports.expected.effect')}</th>
            <th className="num">{t('reports.expected.measured')}</th>
            <th className="num">{t('reports.expected.target')}</th>
            <th>{t('reports.expected.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {report.expected.map((e) => (
            <tr key={e.effect} data-verdict={e.verdict}>
              <td>{t(`reports.effects.${e.effect}`, { defaultValue: e.effect })}</td>
              <td className="num">{formatLift(e.lift)}</td>
              <td className="num">
                +{Math.round(e.expected.low * 100)}–{Math.round(e.expected.high * 100)}%
              </td>
              <td>
                <span className={`badge badge--verdict-${e.verdict}`}>{t(`reports.verdict.${e.verdict}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Effect reports per campaign and per theme, straight from the server: figures from the JSON,
 * the full report (server-rendered SVG charts) in a script-less frame, CSV and PDF export; and the
 * A/B results of a campaign with an experiment.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLocale(i18n);
  const { api, platform, toast, session } = useServices();
  const [params, setParams] = useSearchParams();
  const subject: ReportSubject = params.get('kind') === 'theme' ? 'theme' : 'campaign';
  const id = params.get('id') ?? '';
  const campaigns = useLocalCampaigns();
  const themes = useLocalThemes();
  const report = useEffectReport(subject, id);
  const html = useReportHtml(subject, id, lang);
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [frameHeight, setFrameHeight] = useState(900);

  const options =
    subject === 'campaign'
      ? (campaigns.data ?? []).map((c) => ({ id: c.id, name: lang === 'en' && c.doc.nameEn ? c.doc.nameEn : c.doc.name }))
      : (themes.data ?? []).map((th) => ({ id: th.id, name: lang === 'en' && th.doc.nameEn ? th.doc.nameEn : th.doc.name }));
  const campaign = subject === 'campaign' ? campaigns.data?.find((c) => c.id === id)?.doc : undefined;
  const hasExperiment = (campaign?.experiment?.variants.length ?? 0) > 0;
  const select = (next: { kind?: ReportSubject; id?: string }) => setParams({ kind: next.kind ?? subject, id: next.id ?? '' });

  const run = async (kind: 'csv' | 'pdf', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (e) {
      toast(t('reports.exportFailed'), e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setBusy(null);
    }
  };
  const downloadCsv = () => run('csv', async () => downloadText(reportFileName(subject, id, 'csv'), await api.reportDocument(subject, id, 'csv', lang), 'text/csv;charset=utf-8'));
  const exportPdf = () =>
    run('pdf', async () => {
      const doc = html.data ?? (await api.reportDocument(subject, id, 'html', lang));
      if (await platform.exportPdf(reportFileName(subject, id, 'pdf'), doc)) toast(t('reports.pdfDone'), undefined, 'success');
    });

  const error = report.error ?? html.error;
  const errorKey = reportErrorKey(error);
  return (
    <div className="reports-page" data-testid="reports-page">
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('reports.title')}</h1>
          <span className="page-head__sub">{t('reports.subtitle')}</span>
        </div>
      </div>
      <div className="toolbar card">
        <div className="segmented" role="tablist">
          {(['campaign', 'theme'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={subject === k} className={`segmented__item ${subject === k ? 'segmented__item--active' : ''}`} onClick={() => select({ kind: k })} data-testid={`report-kind-${k}`}>
              {t(`reports.kind.${k}`)}
            </button>
          ))}
        </div>
        <select className="select report-select" value={id} onChange={(e) => select({ id: e.target.value })} data-testid="report-subject" aria-label={t(`reports.kind.${subject}`)}>
          <option value="">{t(subject === 'campaign' ? 'reports.pickCampaign' : 'reports.pickTheme')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button type="button" className="btn" disabled={!id || busy !== null} onClick={() => void downloadCsv()} data-testid="report-csv">
          {busy === 'csv' ? t('common.loading') : t('reports.csv')}
        </button>
        <button type="button" className="btn btn--accent" disabled={!id || busy !== null || !!error} onClick={() => void exportPdf()} data-testid="report-pdf">
          {busy === 'pdf' ? t('common.loading') : t('reports.pdf')}
        </button>
      </div>
      {!id ? <div className="empty">{t(subject === 'campaign' ? 'reports.emptyCampaign' : 'reports.emptyTheme')}</div> : null}
      {id && error ? (
        <div className="alert alert--warning" data-testid="report-error">
          {errorKey ? t(errorKey) : errorText(error)}
        </div>
      ) : null}
      {id && (report.isLoading || html.isLoading) ? <div className="muted">{t('common.loading')}</div> : null}
      {report.data ? (
        <div className="stack">
          <Kpis report={report.data} />
          <Expected report={report.data} />
        </div>
      ) : null}
      {id && hasExperiment ? (
        <div className="stack">
          <ExperimentPanel campaignId={id} canPromote={session.user.role !== 'screen'} />
        </div>
      ) : null}
      {html.data ? (
        <section className="card report-doc">
          <div className="card__head">
            <h3>{t('reports.document')}</h3>
          </div>
          <iframe
            title={t('reports.document')}
            className="report-frame"
            sandbox="allow-same-origin"
            srcDoc={html.data}
            style={{ height: frameHeight }}
            onLoad={(e) => {
              const body = e.currentTarget.contentDocument?.documentElement;
              if (body) setFrameHeight(Math.max(400, body.scrollHeight + 24));
            }}
            data-testid="report-frame"
          />
        </section>
      ) : null}
    </div>
  );
}
