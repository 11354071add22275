import { HOLDOUT_KEY } from '@promo/shared';
import { useTranslation } from 'react-i18next';
import type { PromoteDecision } from '../api/report.schema.js';
import { useServices } from '../app/services.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { usePromoteWinner } from './mutations.js';
import { useExperimentResults } from './queries.js';
import { errorText, formatLift, formatP, formatRate, formatRateInterval, formatRoi, promoteRefusal, reportErrorKey } from './report-format.js';

const money = (fen: number | null) => (fen === null ? '—' : formatFen(Math.round(fen)));
const moneyInterval = (ci: { low: number; high: number }) => `[${formatFen(Math.round(ci.low))}, ${formatFen(Math.round(ci.high))}]`;

function DecisionBox({ decision, refused }: { decision: PromoteDecision; refused: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <div className={`alert ${refused ? 'alert--warning' : 'alert--success'}`} data-testid="promote-decision" data-reason={decision.reason.code} data-winner={decision.winner ?? ''}>
      <strong>{refused ? t('reports.ab.refused') : t('reports.ab.promoted', { key: decision.winner ?? '' })}</strong> {decision.reason.message[locale]}
      {decision.comparisons.length > 0 ? (
        <ul className="decision__list">
          {decision.comparisons.map((c) => (
            <li key={c.against}>
              {t('reports.ab.leaderVs', { leader: decision.leader ?? '', other: c.against })}: {formatLift(c.relativeLift)}, p = {formatP(c.pValue)}
              {c.significant ? ` · ${t('reports.ab.significant')}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A/B results of a campaign's experiment with the shared statistics, and "promote winner". */
export function ExperimentPanel({ campaignId, canPromote }: { campaignId: string; canPromote: boolean }) {
  const { t } = useTranslation();
  const { toast } = useServices();
  const results = useExperimentResults(campaignId, true);
  const promote = usePromoteWinner(campaignId);
  const refusal = promoteRefusal(promote.error);
  const arm = (key: string) => (key === HOLDOUT_KEY ? t('reports.ab.holdout') : key);

  const onPromote = () => {
    if (!window.confirm(t('reports.ab.confirm'))) return;
    promote.mutate(undefined, { onSuccess: (r) => toast(t('reports.ab.promoted', { key: r.decision.winner ?? '' }), t('reports.ab.promotedHint'), 'success') });
  };

  if (results.isLoading) return <div className="card card__body muted">{t('common.loading')}</div>;
  if (results.error) {
    const key = reportErrorKey(results.error);
    return <div className="alert alert--error" data-testid="ab-error">{key ? t(key) : errorText(results.error)}</div>;
  }
  const data = results.data;
  if (!data) return null;
  return (
    <section className="card" data-testid="ab-results">
      <div className="card__head">
        <h3>{t('reports.ab.title')}</h3>
        <span className="muted small">{t('reports.ab.experiment', { id: data.experimentId })}</span>
        {canPromote ? (
          <button type="button" className="btn btn--accent" onClick={onPromote} disabled={promote.isPending} data-testid="promote-winner">
            {promote.isPending ? t('common.loading') : t('reports.ab.promote')}
          </button>
        ) : null}
      </div>
      {data.srm.mismatch ? (
        <div className="alert alert--error" data-testid="srm-warning">
          {t('reports.ab.srm', { p: formatP(data.srm.pValue) })}
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th>{t('reports.ab.arm')}</th>
              <th className="num">{t('reports.ab.exposures')}</th>
              <th className="num">{t('reports.ab.conversions')}</th>
              <th className="num">{t('reports.ab.conversionRate')}</th>
              <th className="num">{t('reports.ab.revenuePerUser')}</th>
              <th className="num">{t('reports.ab.discountCost')}</th>
              <th className="num">{t('reports.ab.roi')}</th>
              <th>{t('reports.ab.conversionVsControl')}</th>
              <th>{t('reports.ab.rpuVsControl')}</th>
            </tr>
          </thead>
          <tbody>
            {data.arms.map((a) => (
              <tr key={a.key} data-testid="ab-arm" data-arm={a.key}>
                <td>
                  <strong>{arm(a.key)}</strong>
                  {a.vsControl === null ? <span className="badge badge--small">{t('reports.ab.control')}</span> : null}
                </td>
                <td className="num">{a.summary.exposures.toLocaleString()}</td>
                <td className="num">{a.summary.conversions.toLocaleString()}</td>
                <td className="num">{formatRate(a.summary.conversionRate)}</td>
                <td className="num">{money(a.summary.revenuePerUser)}</td>
                <td className="num">{formatFen(a.summary.discountCost)}</td>
                <td className="num">{formatRoi(a.summary.roi)}</td>
                <td className="small">
                  {a.vsControl ? (
                    <>
                      {formatLift(a.vsControl.conversion.relativeLift)} {formatRateInterval(a.vsControl.conversion.confidenceInterval)}
                      <span className={`pval ${a.vsControl.conversion.pValue < 0.05 ? 'pval--sig' : ''}`}> p = {formatP(a.vsControl.conversion.pValue)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="small">
                  {a.vsControl ? (
                    <>
                      {formatLift(a.vsControl.revenuePerUser.relativeLift)} {moneyInterval(a.vsControl.revenuePerUser.confidenceInterval)}
                      <span className={`pval ${a.vsControl.revenuePerUser.pValue < 0.05 ? 'pval--sig' : ''}`}> p = {formatP(a.vsControl.revenuePerUser.pValue)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card__body">
        <p className="muted small">{t('reports.ab.note', { level: Math.round((data.arms.find((a) => a.vsControl)?.vsControl?.conversion.confidenceInterval.level ?? 0.95) * 100) })}</p>
        {refusal ? <DecisionBox decision={refusal} refused /> : null}
        {promote.error && !refusal ? <div className="alert alert--error">{errorText(promote.error)}</div> : null}
        {promote.data ? <DecisionBox decision={promote.data.decision} refused={false} /> : null}
      </div>
    </section>
  );
}
