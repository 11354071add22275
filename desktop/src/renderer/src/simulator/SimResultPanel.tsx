import { useTranslation } from 'react-i18next';
import type { QuoteResult } from '@promo/shared';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';

export type Priced = { result: QuoteResult; considered: number } | { error: string } | null;

interface Props {
  priced: Priced;
  itemName: (sku: string) => string;
  names: ReadonlyMap<string, string>;
  withNames: (message: string) => string;
}

/** The priced cart: lines, totals, applied / not applied with reasons, 凑单 hints. */
export function SimResultPanel({ priced, itemName, names, withNames }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
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
            {priced.result.totals.pointsDiscount > 0 ? (
              <>
                <span>{t('simulator.pointsDiscount')}</span>
                <span className="num" data-testid="sim-points-discount">
                  −{formatFen(priced.result.totals.pointsDiscount)}
                </span>
              </>
            ) : null}
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
    </>
  );
}
