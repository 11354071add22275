import { z } from 'zod';
import { FenSchema } from '../../money/money.js';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True when the cart's subtotal inside the campaign scope (after item discounts) reaches `minSpend`. */
export const cartSubtotalNode = defineNode({
  type: 'cart_subtotal',
  category: 'condition',
  args: z.object({ minSpend: FenSchema }),
  label: { zh: '购物车金额', en: 'Cart subtotal' },
  description: { zh: '活动范围内商品小计不低于 X。', en: 'Subtotal of the in-scope lines is at least X.' },
  argLabels: { minSpend: { zh: '最低金额', en: 'Minimum spend' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (args, ctx) => ctx.scopeSubtotal >= args.minSpend,
  failReason: 'below_threshold',
});
