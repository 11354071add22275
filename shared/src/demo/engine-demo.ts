import { DateTime } from 'luxon';
import { formatYuan } from '../money/money.js';
import { CartSchema, UserContextSchema } from '../cart/cart.schema.js';
import { CouponSchema } from '../coupon/coupon.schema.js';
import { PricingCountersSchema } from '../pricing/counters.schema.js';
import { createCampaignIndex } from '../pricing/candidate-index.js';
import { priceCart } from '../pricing/price-cart.js';
import type { QuoteResult } from '../pricing/quote.schema.js';
import { demoCampaigns } from './demo-campaigns.js';

// shared/ compiles without DOM or node typings (it must run in both); the demo only needs this.
declare const console: { log(...values: unknown[]): void };

// A fixed instant (Thursday 618, noon in Shanghai) keeps the demo's output the same on every run.
const NOW_MS = DateTime.fromISO('2026-06-18T12:00:00', { zone: 'Asia/Shanghai' }).toMillis();

const cart = CartSchema.parse({
  lines: [
    { lineId: 'l1', sku: 'COLA-12', quantity: 2, unitPrice: 4_590, unitCost: 3_000, categoryIds: ['drinks', 'food'] },
    { lineId: 'l2', sku: 'YOGURT-S', quantity: 2, unitPrice: 1_290, categoryIds: ['dairy', 'food'] },
    { lineId: 'l3', sku: 'YOGURT-M', quantity: 1, unitPrice: 1_590, categoryIds: ['dairy', 'food'] },
    { lineId: 'l4', sku: 'TV-55', quantity: 1, unitPrice: 329_900, reservationToken: 'resv-1', categoryIds: ['tv', 'electronics'] },
    { lineId: 'l5', sku: 'RICE-5KG', quantity: 1, unitPrice: 5_990, groupId: 'grp-7', categoryIds: ['grain', 'food'] },
    { lineId: 'l6', sku: 'TEA-GIFT', quantity: 1, unitPrice: 12_800, categoryIds: ['drinks', 'food'] },
  ],
  couponIds: ['cpn-10'],
  pointsToRedeem: 800,
});
const user = UserContextSchema.parse({ userId: 'demo-user', memberLevel: 3, points: 2_000, region: { province: '31', city: '3101' } });
const counters = PricingCountersSchema.parse({
  flashReservations: { 'resv-1': { campaignId: 'flash-tv', sku: 'TV-55', quantity: 1, price: 199_900 } },
  groups: { 'grp-7': 'group-rice' },
  giftStock: { TOTE: 25 },
});
const coupons = [
  CouponSchema.parse({
    id: 'cpn-10',
    templateId: 'tpl-10',
    value: { type: 'threshold', minSpend: 10_000, off: 1_000 },
    validFrom: '2026-06-01T00:00:00+08:00',
    validTo: '2026-06-30T00:00:00+08:00',
  }),
];

function table(headers: string[], rows: string[][]): string {
  const width = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number): string => s + ' '.repeat(widths[i]! - width(s));
  return [headers, widths.map((w) => '-'.repeat(w)), ...rows].map((r) => r.map(pad).join('  ')).join('\n');
}

function print(result: QuoteResult): void {
  console.log('\nLines 明细');
  console.log(
    table(
      ['line', 'sku', 'qty', 'unit', 'subtotal', 'item', 'order', 'coupon', 'points', 'final', 'note'],
      result.lines.map((l) => [
        l.lineId,
        l.sku,
        String(l.quantity),
        formatYuan(l.unitPrice),
        formatYuan(l.subtotal),
        formatYuan(l.itemDiscount),
        formatYuan(l.orderDiscount),
        formatYuan(l.couponDiscount),
        formatYuan(l.pointsDiscount),
        formatYuan(l.final),
        [l.gift ? 'gift 赠品' : '', l.capped ? 'margin floor 保底' : ''].filter(Boolean).join(', '),
      ]),
    ),
  );
  const t = result.totals;
  console.log(
    `\nTotals 合计: subtotal ${formatYuan(t.subtotal)}, item -${formatYuan(t.itemDiscount)}, order -${formatYuan(t.orderDiscount)}, ` +
      `coupon -${formatYuan(t.couponDiscount)}, points -${formatYuan(t.pointsDiscount)} → pay ${formatYuan(t.total)} (save ${formatYuan(t.discount)})`,
  );
  console.log('\nApplied 已享优惠');
  console.log(table(['campaign', 'kind', 'stage', 'amount', 'variant'], result.applied.map((a) => [a.campaignId, a.kind, a.stage, formatYuan(a.amount), a.variant ?? '-'])));
  console.log('\nNot applied 未享优惠');
  console.log(table(['campaign', 'reason', '原因', 'why'], result.notApplied.map((n) => [n.campaignId, n.reason, n.message.zh, n.message.en])));
  console.log('\nCoupons 优惠券:', JSON.stringify(result.coupons));
  console.log('Points 积分:', JSON.stringify(result.points));
  for (const hint of result.upsell) console.log(`凑单 / upsell: ${hint.message.zh} — ${hint.message.en}`);
}

const index = createCampaignIndex(demoCampaigns());
console.log(`PromoStudio engine demo — ${index.campaigns.length} live campaigns, cart of ${cart.lines.length} lines, 2026-06-18 12:00 Asia/Shanghai`);
print(priceCart({ cart, user, index, counters, coupons, nowMs: NOW_MS }));
