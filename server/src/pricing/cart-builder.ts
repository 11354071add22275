import type { Cart } from '@promo/shared';
import { AppError } from '../app/app-error.js';
import type { CatalogLookup } from './pricing-ports.js';
import type { QuoteRequest } from './quote-request.schema.js';

/**
 * The engine's cart: each requested line with the catalog's price, cost and categories attached.
 * Unknown SKUs and repeated line ids are bad input (400 naming the line).
 */
export async function buildCart(request: QuoteRequest, catalog: CatalogLookup): Promise<Cart> {
  const lines = request.cart.lines;
  const facts = await catalog.getItems([...new Set(lines.map((l) => l.sku))]);
  const issues: { field: string; message: string }[] = [];
  const lineIds = new Set<string>();
  const cartLines: Cart['lines'] = [];
  lines.forEach((line, i) => {
    const item = facts.get(line.sku);
    const lineId = line.lineId ?? `L${i + 1}`;
    if (!item) issues.push({ field: `cart.lines.${i}.sku`, message: 'unknown SKU' });
    if (lineIds.has(lineId)) issues.push({ field: `cart.lines.${i}.lineId`, message: 'repeated line id' });
    lineIds.add(lineId);
    if (!item) return;
    cartLines.push({
      lineId,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: item.price,
      categoryIds: [...item.categoryIds],
      ...(item.cost !== null ? { unitCost: item.cost } : {}),
      ...(line.reservationToken ? { reservationToken: line.reservationToken } : {}),
      ...(line.groupId ? { groupId: line.groupId } : {}),
    });
  });
  const first = issues[0];
  if (first) throw new AppError('bad_request', `body: ${first.field}: ${first.message}`, { issues });
  return { lines: cartLines, couponIds: request.cart.couponIds, pointsToRedeem: request.cart.pointsToRedeem, redemptions: request.cart.redemptions };
}
