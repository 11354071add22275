import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ChannelSchema, UserContextSchema, type QuoteResult } from '@promo/shared';
import { useServices } from '../app/services.js';
import { useLocalCampaigns } from '../campaigns/queries.js';
import { categoryPath, searchItems } from '../catalog/catalog-cache.js';
import { useCatalog } from '../catalog/queries.js';
import { isoToLocalInput, localInputToIso } from '../i18n/date-format.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
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
  const [user, setUser] = useState({ userId: 'sim-user', tags: '', segments: '', province: '', city: '', channel: 'app', memberLevel: 0, isNewUser: false, points: 0 });
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

  const priced = useMemo((): { result: QuoteResult; considered: number } | { error: string } | null => {
    const { cart } = buildCart(lines, itemMap, pathOf);
    if (!cart) return null;
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
  }, [lines, itemMap, pathOf, user, allCampaigns, draftId, when, withReservations]);

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
          <input
            className="input"
            type="datetime-local"
            value={isoToLocalInput(when, 'Asia/Shanghai')}
            onChange={(e) => {
              const iso = localInputToIso(e.target.value, 'Asia/Shanghai');
              if (iso) setWhen(iso);
            }}
            data-testid="sim-now"
          />
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
          <div className="card">
            <div className="card__head">
              <h2>{t('simulator.user')}</h2>
            </div>
            <div className="card__body grid-2">
              <label className="field">
                <span className="field__label">{t('simulator.userId')}</span>
                <input className="input" value={user.userId} onChange={(e) => setUser({ ...user, userId: e.target.value })} />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.channel')}</span>
                <select className="select" value={user.channel} onChange={(e) => setUser({ ...user, channel: e.target.value })} data-testid="sim-channel">
                  {ChannelSchema.options.map((c) => (
                    <option key={c} value={c}>
                      {t(`enumValues.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.tags')}</span>
                <input className="input" value={user.tags} onChange={(e) => setUser({ ...user, tags: e.target.value })} data-testid="sim-tags" />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.segments')}</span>
                <input className="input" value={user.segments} onChange={(e) => setUser({ ...user, segments: e.target.value })} />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.province')}</span>
                <input className="input" value={user.province} onChange={(e) => setUser({ ...user, province: e.target.value })} data-testid="sim-province" />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.city')}</span>
                <input className="input" value={user.city} onChange={(e) => setUser({ ...user, city: e.target.value })} />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.memberLevel')}</span>
                <input className="input" type="number" min={0} max={10} value={user.memberLevel} onChange={(e) => setUser({ ...user, memberLevel: Math.max(0, Math.min(10, Math.floor(Number(e.target.value) || 0))) })} data-testid="sim-member-level" />
              </label>
              <label className="field">
                <span className="field__label">{t('simulator.pointsBalance')}</span>
                <input className="input" type="number" min={0} value={user.points} onChange={(e) => setUser({ ...user, points: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
              </label>
              <label className="check">
                <input type="checkbox" checked={user.isNewUser} onChange={(e) => setUser({ ...user, isNewUser: e.target.checked })} data-testid="sim-new-user" />
                {t('simulator.newUser')}
              </label>
              <label className="check">
                <input type="checkbox" checked={withReservations} onChange={(e) => setWithReservations(e.target.checked)} />
                {t('kinds.flash_sale')} / {t('kinds.group_buy')} ✓
              </label>
            </div>
          </div>
        </div>
        <div className="stack">
          <div className="card" data-testid="sim-result">
            <div className="card__head">
              <h2>{t('simulator.result')}</h2>
              {priced && 'considered' in priced ? <span className="muted small">{t('simulator.liveCampaigns', { count: priced.considered })}</span> : null}
            </div>
            {!priced ? <div className="empty">{t('simulator.emptyCart')}</div> : null}
            {priced && 'error' in priced ? <div className="alert alert--error">{t('simulator.error', { message: priced.error })}</div> : null}
            {priced && 'result' in priced ? (
              <>
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('simulator.line')}</th>
                      <th className="num">{t('simulator.qty')}</th>
                      <th className="num">{t('simulator.unit')}</th>
                      <th className="num">{t('simulator.subtotal')}</th>
                      <th className="num">{t('simulator.discount')}</th>
                      <th className="num">{t('simulator.final')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {priced.result.lines.map((line) => (
                      <tr key={line.lineId} data-testid="sim-result-line" data-sku={line.sku}>
                        <td>
                          {itemName(line.sku)} {line.gift ? <span className="badge badge--kind">{t('simulator.gift')}</span> : null}
                          {line.capped ? <span className="badge badge--dirty">{t('simulator.capped')}</span> : null}
                        </td>
                        <td className="num">{line.quantity}</td>
                        <td className="num">{formatFen(line.unitPrice)}</td>
                        <td className="num">{formatFen(line.subtotal)}</td>
                        <td className="num">{formatFen(line.itemDiscount + line.orderDiscount + line.couponDiscount + line.pointsDiscount)}</td>
                        <td className="num">{formatFen(line.final)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="totals">
                  <span>{t('simulator.subtotal')}</span>
                  <span className="num">{formatFen(priced.result.totals.subtotal)}</span>
                  <span>{t('simulator.itemDiscount')}</span>
                  <span className="num">−{formatFen(priced.result.totals.itemDiscount)}</span>
                  <span>{t('simulator.orderDiscount')}</span>
                  <span className="num" data-testid="sim-order-discount">
                    −{formatFen(priced.result.totals.orderDiscount)}
                  </span>
                  <span>{t('simulator.save')}</span>
                  <span className="num" data-testid="sim-discount" data-fen={priced.result.totals.discount}>
                    −{formatFen(priced.result.totals.discount)}
                  </span>
                  <strong>{t('simulator.total')}</strong>
                  <span className="totals__final" data-testid="sim-total" data-fen={priced.result.totals.total}>
                    {formatFen(priced.result.totals.total)}
                  </span>
                </div>
              </>
            ) : null}
          </div>
          {priced && 'result' in priced ? (
            <div className="grid-2">
              <div className="card">
                <div className="card__head">
                  <h3>{t('simulator.applied')}</h3>
                </div>
                <table className="table table--compact">
                  <tbody>
                    {priced.result.applied.map((a) => (
                      <tr key={a.campaignId} data-testid="sim-applied" data-campaign-id={a.campaignId}>
                        <td>
                          {names.get(a.campaignId) ?? a.campaignId}
                          {a.variant ? <span className="badge">{a.variant}</span> : null}
                        </td>
                        <td className="num">−{formatFen(a.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {priced.result.applied.length === 0 ? <div className="empty">{t('common.none')}</div> : null}
              </div>
              <div className="card">
                <div className="card__head">
                  <h3>{t('simulator.notApplied')}</h3>
                </div>
                <table className="table table--compact">
                  <tbody>
                    {priced.result.notApplied.map((n) => (
                      <tr key={n.campaignId} data-testid="sim-not-applied" data-reason={n.reason}>
                        <td>
                          <div>{names.get(n.campaignId) ?? n.campaignId}</div>
                          <div className="reason small">{withNames(n.message[locale])}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {priced.result.notApplied.length === 0 ? <div className="empty">{t('common.none')}</div> : null}
              </div>
            </div>
          ) : null}
          {priced && 'result' in priced && priced.result.upsell.length > 0 ? (
            <div className="card card__body stack">
              <h3>{t('simulator.hints')}</h3>
              {priced.result.upsell.map((h) => (
                <div key={`${h.campaignId}-${h.shortfall}`} className="hint" data-testid="sim-hint">
                  {h.message[locale]}
                </div>
              ))}
            </div>
          ) : null}
          {draft ? <OverlapPanel focus={draft} campaigns={allCampaigns} /> : null}
        </div>
      </div>
    </div>
  );
}
