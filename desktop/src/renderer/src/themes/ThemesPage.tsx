import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign, Theme } from '@promo/shared';
import { useServices } from '../app/services.js';
import { useCreateTheme } from '../campaigns/mutations.js';
import { useLocalCampaigns, useLocalThemes } from '../campaigns/queries.js';
import { formatDate } from '../i18n/date-format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { createFestivalTheme, FESTIVAL_YEARS, FESTIVALS, festivalPlan, type FestivalKey } from '../templates/festival-templates.js';
import { CAMPAIGN_KINDS, newId } from '../templates/kind-templates.js';
import { useCreateCampaign } from '../campaigns/use-create-campaign.js';
import { ThemeSettings } from './ThemeSettings.js';
import { dayTicks, layoutTimeline } from './timeline-layout.js';

const KIND_COLORS: Record<Campaign['kind'], string> = {
  threshold_off: '#d9363e',
  percent_off: '#2f6fed',
  gift: '#8e44ad',
  flash_sale: '#e67e22',
  group_buy: '#16a085',
  new_user: '#1f9d55',
  member: '#b7950b',
};

function ThemeTimeline({ theme, campaigns }: { theme: Theme; campaigns: Campaign[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale(i18n);
  const bars = layoutTimeline(theme.start, theme.end, campaigns.map((c) => ({ id: c.id, start: c.schedule.start, end: c.schedule.end })));
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const ticks = dayTicks(theme.start, theme.end);
  if (campaigns.length === 0) return <div className="empty">{t('themes.noCampaigns')}</div>;
  return (
    <div className="timeline" data-testid="theme-timeline">
      <div className="timeline__scale">
        {ticks.map((d) => (
          <div key={d} className="timeline__tick">
            {d.slice(5)}
          </div>
        ))}
      </div>
      {bars.map((bar) => {
        const c = byId.get(bar.id)!;
        return (
          <div key={bar.id} className="timeline__row">
            <div
              className="timeline__bar"
              style={{ left: `${bar.left}%`, width: `${bar.width}%`, background: KIND_COLORS[c.kind] }}
              title={`${c.name} · ${t(`kinds.${c.kind}`)}`}
              onClick={() => void navigate(`/campaigns/${c.id}`)}
              data-testid="timeline-bar"
            >
              {t(`kinds.${c.kind}`)} · {locale === 'en' && c.nameEn ? c.nameEn : c.name}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function ThemesPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { db, toast, nowMs } = useServices();
  const themes = useLocalThemes();
  const campaigns = useLocalCampaigns();
  const createTheme = useCreateTheme();
  const createCampaign = useCreateCampaign();
  const [year, setYear] = useState(() => Math.max(FESTIVAL_YEARS[0], Math.min(new Date(nowMs()).getFullYear(), FESTIVAL_YEARS[FESTIVAL_YEARS.length - 1] ?? FESTIVAL_YEARS[0])));
  const [selected, setSelected] = useState<string | null>(null);

  const sorted = useMemo(() => [...(themes.data ?? [])].map((th) => th.doc).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)), [themes.data]);
  const current = sorted.find((th) => th.id === selected) ?? sorted[0];
  const inTheme = (campaigns.data ?? []).map((c) => c.doc).filter((c) => c.themeId === current?.id);

  const create = async (key: FestivalKey) => {
    const sampleSkus = (await db.catalog.limit(3).toArray()).map((i) => i.sku);
    const created = createFestivalTheme(key, year, newId, sampleSkus);
    await createTheme.mutateAsync(created);
    setSelected(created.theme.id);
    toast(t('themes.created', { name: locale === 'en' ? created.theme.nameEn : created.theme.name, count: created.campaigns.length }), undefined, 'success');
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('themes.title')}</h1>
        </div>
      </div>
      <div className="card">
        <div className="card__head">
          <h2>{t('themes.festivalTemplates')}</h2>
          <label className="row small">
            {t('themes.year')}
            <select className="select" value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="festival-year">
              {FESTIVAL_YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="card__body festival-grid">
          {FESTIVALS.map((key) => {
            const plan = festivalPlan(key);
            return (
              <button key={key} type="button" className="festival" onClick={() => void create(key)} data-testid={`festival-${key}`}>
                <div className="festival__swatches">
                  {plan.palette.map((color) => (
                    <span key={color} style={{ background: color }} />
                  ))}
                </div>
                <strong>{t(`festivals.${key}`)}</strong>
                <div className="muted small">{t('themes.campaigns', { count: plan.campaigns.length })}</div>
              </button>
            );
          })}
        </div>
      </div>
      <div className="card">
        <div className="card__head">
          <h2>{t('themes.timeline')}</h2>
          {current ? (
            <select
              className="select"
              value=""
              onChange={(e) => {
                const kind = CAMPAIGN_KINDS.find((k) => k === e.target.value);
                if (kind) void createCampaign(kind, current);
              }}
              data-testid="theme-new-campaign"
            >
              <option value="">+ {t('campaigns.new')}</option>
              {CAMPAIGN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          ) : null}
          {sorted.length > 0 ? (
            <select className="select" value={current?.id ?? ''} onChange={(e) => setSelected(e.target.value)} data-testid="theme-select">
              {sorted.map((th) => (
                <option key={th.id} value={th.id}>
                  {locale === 'en' && th.nameEn ? th.nameEn : th.name}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        <div className="card__body">
          {!current ? (
            <div className="empty">{t('themes.noThemes')}</div>
          ) : (
            <div className="stack">
              <div className="row small muted">
                <span>
                  {formatDate(current.start, 'Asia/Shanghai', locale)} – {formatDate(current.end, 'Asia/Shanghai', locale)}
                </span>
                {current.budget !== undefined ? (
                  <span>
                    · {t('themes.budget')} {formatFen(current.budget)}
                  </span>
                ) : null}
                <span>· {t('themes.campaigns', { count: inTheme.length })}</span>
              </div>
              <ThemeTimeline theme={current} campaigns={inTheme} />
            </div>
          )}
        </div>
      </div>
      {current ? <ThemeSettings key={`${current.id}:${current.version}`} theme={current} /> : null}
    </div>
  );
}
