import type { GiftOffer } from '../../campaign/offer.schema.js';
import { roundHalfUpDiv } from '../../money/money.js';
import { counterEntry, type PricingCounters } from '../counters.schema.js';
import type { LineState } from '../line-state.js';
import type { OrderOutcome } from './order-proposal.js';

type BuyNGetM = Extract<GiftOffer, { mode: 'buy_n_get_m' }>;
type SpendGetGift = Extract<GiftOffer, { mode: 'spend_get_gift' }>;

interface UnitPool {
  index: number;
  quantity: number;
  amount: number;
  inA: boolean;
}

/** How many of the `free` cheapest B units also count as A units. */
function freeUnitsInA(pool: readonly UnitPool[], free: number): number {
  let left = free;
  let inA = 0;
  for (const p of pool) {
    if (left <= 0) break;
    const take = Math.min(left, p.quantity);
    if (p.inA) inA += take;
    left -= take;
  }
  return inA;
}

/**
 * Buy N of set A, get M of set B free, the cheapest B units first, repeatable up to `maxRepeats`.
 * With overlapping sets (BOGO) the free units cannot also be the bought ones, so the number of
 * rounds is the largest g where the g·M cheapest B units leave g·N A units (found by bisection:
 * feasibility only falls as g grows). When the cart holds no B unit, the free units are gift lines.
 */
export function buyNGetM(offer: BuyNGetM, lines: readonly LineState[], basis: readonly number[], counters: PricingCounters): OrderOutcome {
  const a = new Set(offer.buySkus);
  const b = new Set(offer.getSkus);
  let aUnits = 0;
  const pool: UnitPool[] = [];
  for (const index of basis) {
    const { line, amount } = lines[index]!;
    const inA = a.has(line.sku);
    if (inA) aUnits += line.quantity;
    if (b.has(line.sku)) pool.push({ index, quantity: line.quantity, amount, inA });
  }
  let rounds = Math.floor(aUnits / offer.buyQuantity);
  if (!offer.repeatable) rounds = Math.min(rounds, 1);
  if (offer.maxRepeats !== undefined) rounds = Math.min(rounds, offer.maxRepeats);
  if (rounds <= 0) return { reason: 'quantity_too_low' };
  if (pool.length === 0) {
    const sku = offer.getSkus[0]!;
    const stock = counterEntry(counters.giftStock, sku) ?? Infinity;
    const quantity = Math.min(rounds * offer.getQuantity, stock);
    if (quantity <= 0) return { reason: 'out_of_stock' };
    return { proposal: { amount: 0, lineDiscounts: new Map(), gifts: [{ sku, quantity, value: 0 }] } };
  }
  pool.sort((x, y) => x.amount * y.quantity - y.amount * x.quantity || x.index - y.index);
  const bUnits = pool.reduce((sum, p) => sum + p.quantity, 0);
  const feasible = (g: number): boolean =>
    g * offer.getQuantity <= bUnits && aUnits - freeUnitsInA(pool, g * offer.getQuantity) >= g * offer.buyQuantity;
  let low = 0;
  let high = rounds;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (feasible(mid)) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return { reason: 'quantity_too_low' };
  const lineDiscounts = new Map<number, number>();
  let free = low * offer.getQuantity;
  for (const p of pool) {
    if (free <= 0) break;
    const take = Math.min(free, p.quantity);
    lineDiscounts.set(p.index, roundHalfUpDiv(p.amount * take, p.quantity));
    free -= take;
  }
  return { proposal: { amount: 0, lineDiscounts, gifts: [] } };
}

/** Spend X (post-item, in scope) and get gift SKUs as lines at 0, as far as gift stock allows. */
export function spendGetGift(offer: SpendGetGift, basisAmount: number, counters: PricingCounters): OrderOutcome {
  if (basisAmount < offer.minSpend) return { reason: 'below_threshold' };
  const gifts = offer.gifts
    .map((g) => ({ sku: g.sku, quantity: Math.min(g.quantity, counterEntry(counters.giftStock, g.sku) ?? Infinity), value: g.value ?? 0 }))
    .filter((g) => g.quantity > 0);
  if (gifts.length === 0) return { reason: 'out_of_stock' };
  return { proposal: { amount: 0, lineDiscounts: new Map(), gifts } };
}
