import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';
import { memoByArgs } from './args-memo.js';

const SkuQuantityArgs = z.object({
  skus: z.array(z.string().min(1).max(64)).min(1).max(5000),
  minQuantity: z.number().int().min(1).max(9999),
});

const skuSet = memoByArgs((args: z.output<typeof SkuQuantityArgs>) => new Set(args.skus));

/** True when the cart holds at least `minQuantity` units of the listed SKUs together. */
export const skuQuantityNode = defineNode({
  type: 'sku_quantity',
  category: 'condition',
  args: SkuQuantityArgs,
  label: { zh: '商品件数', en: 'Item quantity' },
  description: { zh: '所选商品合计件数不少于 N。', en: 'At least N units of the listed SKUs in total.' },
  argLabels: { skus: { zh: '商品', en: 'SKUs' }, minQuantity: { zh: '最少件数', en: 'Minimum quantity' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    const skus = skuSet(args);
    let units = 0;
    for (const line of ctx.cart.lines) if (skus.has(line.sku)) units += line.quantity;
    return units >= args.minQuantity;
  },
  failReason: 'quantity_too_low',
});
