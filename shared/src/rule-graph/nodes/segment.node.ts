import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

const SegmentArgs = z
  .object({
    kind: z.enum(['new', 'dormant', 'high_value', 'custom']),
    /** For `dormant`: no order for this many days. */
    dormantDays: z.number().int().min(1).max(3650).default(30),
    /** For `custom`: the segment id the server computes. */
    customSegment: z.string().min(1).max(64).optional(),
  })
  .refine((a) => a.kind !== 'custom' || a.customSegment !== undefined, {
    path: ['customSegment'],
    message: 'a custom segment needs its id',
  });
export type SegmentArgs = z.output<typeof SegmentArgs>;

/**
 * The key the server puts in `user.segments` for these args: `new`, `dormant_<days>`,
 * `high_value` (RFM), or the custom segment id.
 */
export function segmentKey(args: SegmentArgs): string {
  if (args.kind === 'dormant') return `dormant_${args.dormantDays}`;
  if (args.kind === 'custom') return args.customSegment ?? '';
  return args.kind;
}

/** True when the user belongs to the segment (membership is computed by the server). */
export const segmentNode = defineNode({
  type: 'segment',
  category: 'condition',
  args: SegmentArgs,
  label: { zh: '人群', en: 'Segment' },
  description: {
    zh: '用户属于该人群：新客、沉睡 N 天、高价值 (RFM) 或自定义。',
    en: 'The user is in the segment: new, dormant N days, high value (RFM) or custom.',
  },
  argLabels: {
    kind: { zh: '人群类型', en: 'Segment type' },
    dormantDays: { zh: '沉睡天数', en: 'Dormant days' },
    customSegment: { zh: '自定义人群', en: 'Custom segment' },
  },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (args, ctx) => ctx.user.segments.includes(segmentKey(args)),
  failReason: 'segment_mismatch',
});
