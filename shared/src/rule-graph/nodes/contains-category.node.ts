import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True when some cart line is in one of the categories (ancestors count: lines carry their category path). */
export const containsCategoryNode = defineNode({
  type: 'contains_category',
  category: 'condition',
  args: z.object({ categoryIds: z.array(z.string().min(1).max(64)).min(1).max(500) }),
  label: { zh: '包含品类', en: 'Contains category' },
  description: { zh: '购物车中有所选品类（含子品类）的商品。', en: 'The cart has an item in one of the categories (or below).' },
  argLabels: { categoryIds: { zh: '品类', en: 'Categories' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    for (const line of ctx.cart.lines) {
      for (const id of line.categoryIds) if (args.categoryIds.includes(id)) return true;
    }
    return false;
  },
  failReason: 'category_missing',
});
