import { z } from 'zod';
import { recurrenceRuleProblem } from '../../schedule/rrule-adapter.js';
import { compileRecurrence, type CompiledSchedule } from '../../schedule/schedule.js';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';
import { memoByArgs } from './args-memo.js';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const RecurrenceArgs = z.object({
  rrule: z
    .string()
    .min(1)
    .max(500)
    .superRefine((body, ctx) => {
      const problem = recurrenceRuleProblem(body);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
  startTime: Clock,
  endTime: Clock.or(z.literal('24:00')),
});

// One compiled recurrence per (args, campaign zone); a campaign's zone never changes under it.
const compiledByZone = memoByArgs((_args: z.output<typeof RecurrenceArgs>) => new Map<string, CompiledSchedule>());

/**
 * True on the days the RRULE selects, between the daily start and end times, in the campaign's
 * time zone (`ctx.timezone`). An end before the start runs past midnight into the next day.
 */
export const recurrenceNode = defineNode({
  type: 'recurrence',
  category: 'condition',
  args: RecurrenceArgs,
  label: { zh: '周期时间', en: 'Recurring time' },
  description: {
    zh: '按重复规则选中的日期，在每日时段内（活动时区）。',
    en: 'On the days the rule selects, within the daily time range (campaign time zone).',
  },
  argLabels: {
    rrule: { zh: '重复规则 (RRULE)', en: 'Repeat rule (RRULE)' },
    startTime: { zh: '每日开始', en: 'Daily start' },
    endTime: { zh: '每日结束', en: 'Daily end' },
  },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    const byZone = compiledByZone(args);
    let compiled = byZone.get(ctx.timezone);
    if (!compiled) {
      compiled = compileRecurrence(args, ctx.timezone);
      byZone.set(ctx.timezone, compiled);
    }
    return compiled.isActive(ctx.nowMs);
  },
  failReason: 'outside_window',
});
