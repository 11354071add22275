import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** any: the user has one of the tags; all: every tag; none: none of them. */
export const userTagsNode = defineNode({
  type: 'user_tags',
  category: 'condition',
  args: z.object({
    mode: z.enum(['any', 'all', 'none']).default('any'),
    tags: z.array(z.string().min(1).max(64)).min(1).max(100),
  }),
  label: { zh: '用户标签', en: 'User tags' },
  description: { zh: '用户拥有任一 / 全部 / 不含这些标签。', en: 'The user has any / all / none of the tags.' },
  argLabels: { mode: { zh: '匹配方式', en: 'Match' }, tags: { zh: '标签', en: 'Tags' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    const userTags = ctx.user.tags;
    if (args.mode === 'all') return args.tags.every((tag) => userTags.includes(tag));
    const hasAny = args.tags.some((tag) => userTags.includes(tag));
    return args.mode === 'any' ? hasAny : !hasAny;
  },
  failReason: 'tag_mismatch',
});
