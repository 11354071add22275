import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CampaignStatusSchema } from '@promo/shared';
import { useServices } from '../app/services.js';
import { formatDateTime } from '../i18n/date-format.js';
import { currentLocale } from '../i18n/i18n.js';
import { CAMPAIGN_KINDS, newId } from '../templates/kind-templates.js';
import { parseCampaignFile } from './campaign-file.js';
import { filterCampaigns, type CampaignFilters } from './campaign-filters.js';
import { useSaveCampaign } from './mutations.js';
import { useLocalCampaigns, useLocalThemes } from './queries.js';
import { useCreateCampaign } from './use-create-campaign.js';

export function CampaignListPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { platform, toast, db } = useServices();
  const campaigns = useLocalCampaigns();
  const themes = useLocalThemes();
  const createCampaign = useCreateCampaign();
  const save = useSaveCampaign();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<CampaignFilters>({});
  const [menuOpen, setMenuOpen] = useState(params.get('new') === '1');

  useEffect(() => {
    if (params.get('new') === '1') {
      setMenuOpen(true);
      setParams({}, { replace: true });
    }
  }, [params, setParams]);

  const rows = useMemo(() => filterCampaigns((campaigns.data ?? []).map((c) => c.doc), filters), [campaigns.data, filters]);
  const dirty = useMemo(() => new Set((campaigns.data ?? []).filter((c) => c.dirty).map((c) => c.id)), [campaigns.data]);
  const themeName = useMemo(() => new Map((themes.data ?? []).map((th) => [th.id, locale === 'en' && th.doc.nameEn ? th.doc.nameEn : th.doc.name])), [themes.data, locale]);

  const importFile = async () => {
    const file = await platform.importCampaign();
    if (!file) return;
    const parsed = parseCampaignFile(file.text);
    if (!parsed.ok) {
      toast(t('common.invalidFile', { message: parsed.message }), undefined, 'error');
      return;
    }
    const exists = await db.campaigns.get(parsed.campaign.id);
    const campaign = exists ? { ...parsed.campaign, id: newId('cmp') } : parsed.campaign;
    await save.mutateAsync(campaign);
    toast(t('common.imported', { name: campaign.name }), undefined, 'success');
    await navigate(`/campaigns/${campaign.id}`);
  };

  // The native menu's "Import" lands here; the ref keeps one listener with the latest handler.
  const importRef = useRef(importFile);
  importRef.current = importFile;
  useEffect(() => {
    const onMenu = (event: Event) => {
      if ((event as CustomEvent<string>).detail === 'import-campaign') void importRef.current();
    };
    window.addEventListener('studio-menu', onMenu);
    return () => window.removeEventListener('studio-menu', onMenu);
  }, []);

  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menuRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [menuOpen]);

  const set = (patch: Partial<CampaignFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div>
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('campaigns.title')}</h1>
          <span className="page-head__sub" data-testid="campaign-count">
            {t('campaigns.count', { count: rows.length })}
          </span>
        </div>
        <button type="button" className="btn" onClick={() => void importFile()} data-testid="import-campaign">
          {t('common.import')}
        </button>
        <div style={{ position: 'relative' }} ref={menuRef}>
          <button type="button" className="btn btn--primary" onClick={() => setMenuOpen((o) => !o)} data-testid="new-campaign">
            + {t('campaigns.new')}
          </button>
          {menuOpen ? (
            <div className="card" style={{ position: 'absolute', right: 0, top: 38, zIndex: 20, width: 220, padding: 6 }} data-testid="new-campaign-menu">
              <div className="palette__title">{t('campaigns.fromTemplate')}</div>
              {CAMPAIGN_KINDS.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="btn btn--ghost btn--block"
                  style={{ justifyContent: 'flex-start' }}
                  onClick={() => {
                    setMenuOpen(false);
                    void createCampaign(kind);
                  }}
                  data-testid={`new-campaign-${kind}`}
                >
                  <span className="badge badge--kind">{t(`kinds.${kind}`)}</span>
                </button>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      <div className="card">
        <div className="filters">
          <input className="input" placeholder={t('campaigns.filterSearch')} value={filters.q ?? ''} onChange={(e) => set({ q: e.target.value })} data-testid="filter-search" />
          <select className="select" value={filters.kind ?? ''} onChange={(e) => set({ kind: CAMPAIGN_KINDS.find((k) => k === e.target.value) ?? '' })} data-testid="filter-kind">
            <option value="">
              {t('campaigns.filterKind')}: {t('common.all')}
            </option>
            {CAMPAIGN_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          <select className="select" value={filters.status ?? ''} onChange={(e) => {
              const parsed = CampaignStatusSchema.safeParse(e.target.value);
              set({ status: parsed.success ? parsed.data : '' });
            }} data-testid="filter-status">
            <option value="">
              {t('campaigns.filterStatus')}: {t('common.all')}
            </option>
            {CampaignStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <select className="select" value={filters.themeId ?? ''} onChange={(e) => set({ themeId: e.target.value })} data-testid="filter-theme">
            <option value="">
              {t('campaigns.filterTheme')}: {t('common.all')}
            </option>
            {(themes.data ?? []).map((th) => (
              <option key={th.id} value={th.id}>
                {themeName.get(th.id)}
              </option>
            ))}
          </select>
          <input className="input" type="date" value={filters.date ?? ''} onChange={(e) => set({ date: e.target.value })} data-testid="filter-date" title={t('campaigns.filterDate')} />
        </div>
        {rows.length === 0 && !campaigns.isLoading ? (
          <div className="empty">
            <h2>{t('campaigns.emptyTitle')}</h2>
            <div>{t('campaigns.emptyBody')}</div>
          </div>
        ) : (
          <table className="table" data-testid="campaign-table">
            <thead>
              <tr>
                <th>{t('campaigns.name')}</th>
                <th>{t('campaigns.kind')}</th>
                <th>{t('campaigns.status')}</th>
                <th>{t('campaigns.window')}</th>
                <th>{t('campaigns.theme')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="link-row" onClick={() => void navigate(`/campaigns/${c.id}`)} data-testid="campaign-row" data-campaign-id={c.id}>
                  <td>
                    <Link to={`/campaigns/${c.id}`} onClick={(e) => e.stopPropagation()}>
                      {locale === 'en' && c.nameEn ? c.nameEn : c.name}
                    </Link>
                  </td>
                  <td>
                    <span className="badge badge--kind">{t(`kinds.${c.kind}`)}</span>
                  </td>
                  <td>
                    <span className={`badge badge--${c.status}`}>{t(`status.${c.status}`)}</span>
                  </td>
                  <td className="small">
                    {formatDateTime(c.schedule.start, c.schedule.timezone, locale)} – {formatDateTime(c.schedule.end, c.schedule.timezone, locale)}
                  </td>
                  <td className="small">{c.themeId ? (themeName.get(c.themeId) ?? c.themeId) : '—'}</td>
                  <td>{dirty.has(c.id) ? <span className="badge badge--dirty">{t('campaigns.unsynced')}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
