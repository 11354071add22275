import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRoomRef } from '@promo/shared';
import { useLocalCampaigns, useLocalThemes } from '../campaigns/queries.js';
import { currentLocale } from '../i18n/i18n.js';
import { intlLocale } from '../i18n/locale-preference.js';
import { formatFen } from '../money/money-format.js';
import { EChart } from './EChart.js';
import { budgetShare, channelsOption, ordersPerMinuteOption, stockBurnDownOption } from './live-charts.js';
import { useLiveRoom } from './use-live-room.js';

/** The war room inside the studio: live KPIs and charts of a theme or campaign, and its alerts. */
export function WarRoomPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const themes = useLocalThemes();
  const campaigns = useLocalCampaigns();
  const [selected, setSelected] = useState('');
  const options = useMemo(
    () => [
      ...(themes.data ?? []).map((th) => ({ value: `theme:${th.id}`, label: `${t('live.theme')} · ${locale === 'en' && th.doc.nameEn ? th.doc.nameEn : th.doc.name}` })),
      ...(campaigns.data ?? [])
        .filter((c) => ['live', 'scheduled', 'paused'].includes(c.doc.status))
        .map((c) => ({ value: `campaign:${c.id}`, label: `${t('live.campaign')} · ${locale === 'en' && c.doc.nameEn ? c.doc.nameEn : c.doc.name}` })),
    ],
    [themes.data, campaigns.data, locale, t],
  );
  const value = selected || options[0]?.value || '';
  const room: LiveRoomRef | null = value ? { kind: value.startsWith('theme:') ? 'theme' : 'campaign', id: value.slice(value.indexOf(':') + 1) } : null;
  const { snapshot, alerts, connection, error } = useLiveRoom(room);
  const share = snapshot ? budgetShare(snapshot) : null;
  const channelLabels = { app: t('enumValues.app'), mini_program: t('enumValues.mini_program'), web: t('enumValues.web'), pos: t('enumValues.pos') };
  const number = new Intl.NumberFormat(intlLocale(locale));

  return (
    <div className="stack" data-testid="war-room">
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('live.title')}</h1>
          <span className={`badge ${connection === 'live' ? 'badge--live' : 'badge--dirty'}`} data-testid="live-connection" data-state={connection}>
            {t(`live.connection.${connection}`)}
          </span>
        </div>
        <select className="select" value={value} onChange={(e) => setSelected(e.target.value)} data-testid="live-room">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {error ? <div className="alert alert--warning">{error}</div> : null}
      {!snapshot ? (
        <div className="card empty">{options.length === 0 ? t('live.noRooms') : t('live.waiting')}</div>
      ) : (
        <>
          <div className="kpis">
            {[
              { key: 'gmv', value: formatFen(snapshot.gmv) },
              { key: 'orders', value: number.format(snapshot.orders) },
              { key: 'buyers', value: number.format(snapshot.buyers) },
              { key: 'discount', value: formatFen(snapshot.discountSpent) },
              { key: 'budgetLeft', value: snapshot.budget.left === null ? '∞' : formatFen(snapshot.budget.left) },
              { key: 'conversion', value: snapshot.conversion.rate === null ? '—' : `${(snapshot.conversion.rate * 100).toFixed(1)}%` },
            ].map((kpi) => (
              <div key={kpi.key} className="card kpi" data-testid={`kpi-${kpi.key}`}>
                <div className="kpi__label">{t(`live.kpi.${kpi.key}`)}</div>
                <div className="kpi__value">{kpi.value}</div>
              </div>
            ))}
          </div>
          {share !== null ? (
            <div className="budget-bar" title={`${Math.round(share * 100)}%`}>
              <div className={`budget-bar__fill ${share >= 1 ? 'is-over' : share >= 0.8 ? 'is-warn' : ''}`} style={{ width: `${share * 100}%` }} />
            </div>
          ) : null}
          <div className="grid-2">
            <div className="card">
              <div className="card__head">
                <h3>{t('live.ordersPerMinute')}</h3>
              </div>
              <EChart option={ordersPerMinuteOption(snapshot, locale)} testId="chart-orders" />
            </div>
            <div className="card">
              <div className="card__head">
                <h3>{t('live.stock')}</h3>
              </div>
              {snapshot.stock.some((s) => s.allocated > 0) ? <EChart option={stockBurnDownOption(snapshot, locale)} testId="chart-stock" /> : <div className="empty">{t('common.empty')}</div>}
            </div>
            <div className="card">
              <div className="card__head">
                <h3>{t('live.channels')}</h3>
              </div>
              {snapshot.channels.length > 0 ? <EChart option={channelsOption(snapshot, channelLabels)} testId="chart-channels" /> : <div className="empty">{t('common.empty')}</div>}
            </div>
            <div className="card">
              <div className="card__head">
                <h3>{t('live.alerts')}</h3>
              </div>
              {alerts.length === 0 ? (
                <div className="empty">{t('live.noAlerts')}</div>
              ) : (
                <div className="problems" style={{ maxHeight: 240 }}>
                  {alerts.map((a) => (
                    <div key={a.id} className="problem" data-testid="live-alert">
                      <span className="problem__code">{a.type}</span>
                      <span>{a.message[locale]}</span>
                    </div>
                  ))}
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
