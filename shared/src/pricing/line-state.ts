import type { Cart, CartLine } from '../cart/cart.schema.js';
import type { Allocation } from './quote.schema.js';

/** One line while a cart is being priced: amounts move down stage by stage. */
export interface LineState {
  readonly line: CartLine;
  readonly subtotal: number;
  /** What the customer pays for the line right now. */
  amount: number;
  itemDiscount: number;
  orderDiscount: number;
  couponDiscount: number;
  pointsDiscount: number;
  /** The highest price floor of any campaign that touched the line; later discounts respect it. */
  floor: number;
  capped: boolean;
  readonly gift: boolean;
  readonly itemAdjustments: Array<{ campaignId: string; amount: number; units: number }>;
  readonly allocations: Allocation[];
}

function lineState(line: CartLine, gift: boolean): LineState {
  const subtotal = line.unitPrice * line.quantity;
  return {
    line,
    subtotal,
    amount: subtotal,
    itemDiscount: 0,
    orderDiscount: 0,
    couponDiscount: 0,
    pointsDiscount: 0,
    floor: 0,
    capped: false,
    gift,
    itemAdjustments: [],
    allocations: [],
  };
}

/** Fresh states for the cart's lines, in cart order. */
export function createLineStates(cart: Cart): LineState[] {
  return cart.lines.map((line) => lineState(line, false));
}

/** A gift line at 0 added by `campaignId` (line id `gift:<campaignId>:<sku>` unless given). */
export function createGiftLine(campaignId: string, sku: string, quantity: number, lineId = `gift:${campaignId}:${sku}`): LineState {
  return lineState({ lineId, sku, quantity, unitPrice: 0, categoryIds: [] }, true);
}
