import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True when the user's A/B variant is one of `keys` (users in the holdout have none). */
export const abVariantNode = defineNode({
  type: 'ab_variant',
  category: 'condition',
  args: z.object({ keys: z.array(z.string().min(1).max(32)).min(1).max(10) }),
  label: { zh: 'A/B 分组', en: 'A/B variant' },
  description: { zh: '用户被分到所选实验分组之一。', en: 'The user is assigned to one of the variants.' },
  argLabels: { keys: { zh: '分组', en: 'Variants' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (args, ctx) => ctx.variantKey !== null && args.keys.includes(ctx.variantKey),
  failReason: 'not_in_variant',
});
