import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True when the user's member level is at least `minLevel`. */
export const memberLevelNode = defineNode({
  type: 'member_level',
  category: 'condition',
  args: z.object({ minLevel: z.number().int().min(0).max(10) }),
  label: { zh: '会员等级', en: 'Member level' },
  description: { zh: '会员等级不低于 L。', en: 'Member level is at least L.' },
  argLabels: { minLevel: { zh: '最低等级', en: 'Minimum level' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (args, ctx) => ctx.user.memberLevel >= args.minLevel,
  failReason: 'member_level_too_low',
});
