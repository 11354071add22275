import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChannelSchema, UserContextSchema } from '@promo/shared';
import { useServices } from '../app/services.js';
import { useLocalCampaigns } from '../campaigns/queries.js';
import { categoryPath, searchItems } from '../catalog/catalog-cache.js';
import { useCatalog } from '../catalog/queries.js';
import { ZonedDateTimeInput } from '../editor/forms/ZonedDateTimeInput.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { SimResultPanel, type Priced } from './SimResultPanel.js';
import { DEFAULT_SIM_USER, SimUserPanel, type SimUser } from './SimUserPanel.js';
import { OverlapPanel } from './OverlapPanel.js';
import { buildCart, simulate, simulationCampaigns, type SimLine } from './simulate.js';

const csv = (text: string): string[] => text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);

export function SimulatorPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { nowMs } = useServices();
  const [params, setParams] = useSearchParams();
  const campaigns = useLocalCampaigns();
  const catalog = useCatalog();
  const [lines, setLines] = useState<SimLine[]>([]);
  const [q, setQ] = useState('');
  const [when, setWhen] = useState(() => new Date(nowMs()).toISOString());
  const [withReservations, setWithReservations] = useState(true);
  const [pointsToRedeem, setPointsToRedeem] = useState(0);
  const [user, setUser] = useState<SimUser>(DEFAULT_SIM_USER);
  const draftId = params.get('draft');

  const allCampaigns = useMemo(() => (campaigns.data ?? []).map((c) => c.doc), [campaigns.data]);
  const items = useMemo(() => catalog.data?.items ?? [], [catalog.data]);
  const categories = useMemo(() => catalog.data?.categories ?? [], [catalog.data]);
  const itemMap = useMemo(() => new Map(items.map((i) => [i.sku, i])), [items]);
  const pathOf = useMemo(() => (id: string) => categoryPath(categories, id), [categories]);
  const results = useMemo(() => (q.trim() ? searchItems(items, categories, q, '', 20) : []), [items, categories, q]);
  const names = useMemo(() => new Map(allCampaigns.map((c) => [c.id, locale === 'en' && c.nameEn ? c.nameEn : c.name])), [allCampaigns, locale]);
  // Engine messages name other campaigns by id (excluded_by:<id>); planners know them by name.
  const withNames = (message: string): string => message.replace(/[A-Za-z0-9_-]{3,64}/g, (id) => names.get(id) ?? id);
  const itemName = (sku: string) => {
    const item = itemMap.get(sku);
    return item ? (locale === 'en' && item.nameEn ? item.nameEn : item.name) : sku;
  };

  const priced = useMemo((): Priced => {
    const built = buildCart(lines, itemMap, pathOf).cart;
    if (!built) return null;
    const cart = { ...built, pointsToRedeem };
    try {
      const parsedUser = UserContextSchema.parse({
        userId: user.userId || 'sim-user',
        tags: csv(user.tags),
        segments: csv(user.segments),
        memberLevel: user.memberLevel,
        isNewUser: user.isNewUser,
        points: user.points,
        region: { ...(user.province ? { province: user.province } : {}), ...(user.city ? { city: user.city } : {}) },
        channel: ChannelSchema.parse(user.channel),
      });
      const list = simulationCampaigns(allCampaigns, draftId);
      const { result } = simulate({ campaigns: list, cart, user: parsedUser, nowMs: Date.parse(when), withReservations });
      return { result, considered: list.length };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [lines, itemMap, pathOf, user, allCampaigns, draftId, when, withReservations, pointsToRedeem]);

  const addLine = (sku: string) => setLines((list) => (list.some((l) => l.sku === sku) ? list.map((l) => (l.sku === sku ? { ...l, quantity: l.quantity + 1 } : l)) : [...list, { sku, quantity: 1 }]));
  const draft = allCampaigns.find((c) => c.id === draftId);

  // Simulating a draft that is not running now: look at its first moment instead.
  const draftStart = draft?.schedule.start;
  const draftEnd = draft?.schedule.end;
  useEffect(() => {
    if (!draftStart || !draftEnd) return;
    const t = nowMs();
    if (t < Date.parse(draftStart) || t >= Date.parse(draftEnd)) setWhen(new Date(Date.parse(draftStart)).toISOString());
  }, [draftId, draftStart, draftEnd, nowMs]);

  return (
    <div className="stack">
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('simulator.title')}</h1>
        </div>
        <label className="row small">
          {t('simulator.draft')}
          <select className="select" value={draftId ?? ''} onChange={(e) => setParams(e.target.value ? { draft: e.target.value } : {})} data-testid="sim-draft">
            <option value="">{t('simulator.draftNone')}</option>
            {allCampaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {names.get(c.id)} · {t(`status.${c.status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="row small">
          {t('simulator.now')}
          <ZonedDateTimeInput value={when} zone="Asia/Shanghai" onChange={setWhen} testId="sim-now" />
        </label>
      </div>
      <div className="sim">
        <div className="stack">
          <div className="card">
            <div className="card__head">
              <h2>{t('simulator.cart')}</h2>
            </div>
            <div className="card__body stack">
              <input className="input" placeholder={t('catalog.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="sim-search" />
              {results.length > 0 ? (
                <div className="search-results">
                  {results.map((item) => (
                    <div key={item.sku} className="search-result">
                      <span style={{ flex: 1 }}>{itemName(item.sku)}</span>
                      <span className="muted">{formatFen(item.price)}</span>
                      <button type="button" className="btn btn--small" onClick={() => addLine(item.sku)} data-testid={`sim-add-${item.sku}`}>
                        + {t('simulator.addItem')}
                      </button>
                    </div>
                  ))}
                </div>
              ) : null}
              {lines.length === 0 ? <div className="muted small">{t('simulator.emptyCart')}</div> : null}
              {lines.length > 0 ? (
                <label className="row small">
                  {t('simulator.pointsToRedeem')}
                  <input
                    className="input input--narrow"
                    type="number"
                    min={0}
                    value={pointsToRedeem}
                    onChange={(e) => setPointsToRedeem(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
                    data-testid="sim-points"
                  />
                </label>
              ) : null}
              {lines.map((line) => (
                <div key={line.sku} className="row" data-testid="sim-line">
                  <span style={{ flex: 1 }}>
                    {itemName(line.sku)} <span className="muted mono">{line.sku}</span>
                  </span>
                  <input
                    className="input"
                    style={{ width: 70 }}
                    type="number"
                    min={1}
                    max={9999}
                    value={line.quantity}
                    onChange={(e) => setLines((list) => list.map((l) => (l.sku === line.sku ? { ...l, quantity: Math.max(1, Math.min(9999, Math.floor(Number(e.target.value) || 1))) } : l)))}
                    data-testid={`sim-qty-${line.sku}`}
                  />
                  <button type="button" className="btn btn--small btn--ghost" onClick={() => setLines((list) => list.filter((l) => l.sku !== line.sku))}>
                    ×
                  </button>
                </div>
              ))}
            </div>
          </div>
          <SimUserPanel user={user} setUser={setUser} withReservations={withReservations} setWithReservations={setWithReservations} />
        </div>
        <div className="stack">
          <SimResultPanel priced={priced} itemName={itemName} names={names} withNames={withNames} />
          {draft ? <OverlapPanel focus={draft} campaigns={allCampaigns} /> : null}
        </div>
      </div>
    </div>
  );
}
