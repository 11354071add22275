import type { CartLine } from '../cart/cart.schema.js';
import type { IndexedCampaign } from './candidate-index.js';
import { counterEntry } from './counters.schema.js';
import type { LineState } from './line-state.js';
import type { PricingEnv } from './pricing-env.js';

/** Units of `sku` the user already bought under the campaign (from the server's counters). */
function boughtBefore(entry: IndexedCampaign, sku: string, env: PricingEnv): number {
  const counters = env.campaignCounters.get(entry.id);
  return counters === undefined ? 0 : (counterEntry(counters.skuUser, sku) ?? 0);
}

/**
 * Units of `line` an item-stage campaign may discount: the line's quantity, at most
 * `perSkuPerOrder`, and at most what `perSkuPerUser` leaves after the user's earlier purchases and
 * the units earlier lines of the same SKU in this cart may take (cart order decides, so the answer
 * does not depend on which campaign wins those lines: it may under-use the limit, never exceed it).
 */
export function itemUnitsAllowed(entry: IndexedCampaign, line: CartLine, env: PricingEnv): number {
  const { perSkuPerOrder, perSkuPerUser } = entry.limits;
  const units = Math.min(line.quantity, perSkuPerOrder);
  if (perSkuPerUser === Infinity) return units;
  let left = perSkuPerUser - boughtBefore(entry, line.sku, env);
  for (const other of env.cart.lines) {
    if (other === line) break;
    if (other.sku === line.sku) left -= Math.min(other.quantity, perSkuPerOrder, Math.max(0, left));
  }
  return Math.max(0, Math.min(units, left));
}

/**
 * An order-stage campaign's scope without the lines its `perSkuPerUser` cannot cover whole (an
 * order-level discount cannot take part of a line): lines in cart order, each taking its quantity
 * from what the limit leaves for its SKU.
 */
export function scopeWithinSkuLimits(entry: IndexedCampaign, scope: readonly number[], lines: readonly LineState[], env: PricingEnv): readonly number[] {
  const limit = entry.limits.perSkuPerUser;
  if (limit === Infinity) return scope;
  const left = new Map<string, number>();
  return scope.filter((i) => {
    const { sku, quantity } = lines[i]!.line;
    const available = left.get(sku) ?? limit - boughtBefore(entry, sku, env);
    if (quantity > available) return false;
    left.set(sku, available - quantity);
    return true;
  });
}
