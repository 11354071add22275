import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@promo/shared';
import { categoryPath } from '../catalog/catalog-cache.js';
import { useCatalog } from '../catalog/queries.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { checkOverlaps } from './overlap-check.js';

/** SKUs the campaign shares with others in the same window, deepest discount vs the price floor. */
export function OverlapPanel({ focus, campaigns }: { focus: Campaign; campaigns: readonly Campaign[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const catalog = useCatalog();
  const entries = useMemo(() => {
    const categories = catalog.data?.categories ?? [];
    return checkOverlaps(focus, campaigns, catalog.data?.items ?? [], (id) => categoryPath(categories, id));
  }, [focus, campaigns, catalog.data]);
  const names = new Map(campaigns.map((c) => [c.id, locale === 'en' && c.nameEn ? c.nameEn : c.name]));
  const shown = entries.slice(0, 20);
  return (
    <div className="card" data-testid="overlap-panel" data-count={entries.length}>
      <div className="card__head">
        <h3>{t('simulator.overlap')}</h3>
        {entries.some((e) => e.belowFloor) ? <span className="badge badge--dirty">{t('simulator.belowFloor')}</span> : null}
      </div>
      {entries.length === 0 ? (
        <div className="empty">{t('simulator.overlapNone')}</div>
      ) : (
        <div className="overlap__scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th>{t('simulator.overlapSku')}</th>
                <th>{t('simulator.overlapCampaigns')}</th>
                <th className="num">{t('catalog.price')}</th>
                <th className="num">{t('simulator.deepest')}</th>
                <th className="num">{t('simulator.floor')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.sku} data-testid="overlap-row" data-below-floor={e.belowFloor ? 'true' : 'false'}>
                  <td className="mono">{e.sku}</td>
                  <td className="small overlap__campaigns">
                    {e.stacking.map((s) => (
                      <div key={s.campaignId}>
                        {names.get(s.campaignId) ?? s.campaignId} · {t(`enumValues.${s.mode}`)}
                        {s.exclusionGroup ? ` · ${s.exclusionGroup}` : ''}
                      </div>
                    ))}
                  </td>
                  <td className="num">{formatFen(e.price)}</td>
                  <td className="num">−{formatFen(e.deepestDiscount)}</td>
                  <td className={`num ${e.belowFloor ? 'field__error' : ''}`}>{e.floor === null ? '—' : formatFen(e.floor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
