import { DateTime, IANAZone } from 'luxon';
import type { Schedule } from '../campaign/campaign.schema.js';
import type { LocalizedText } from '../rule-graph/node-definition.js';
import { recurrenceRuleProblem } from './rrule-adapter.js';

/** One thing wrong with a campaign schedule, naming its field (`end`, `timezone`, `recurrence.rrule`...). */
export interface ScheduleProblem {
  code: 'bad_timezone' | 'end_not_after_start' | 'bad_rrule' | 'empty_time_range';
  field: string;
  message: LocalizedText;
}

/**
 * What would make a schedule unusable or never live, beyond its zod shape: an unknown zone, an
 * end not after the start, an RRULE the day-level recurrence cannot use, an empty daily range.
 * Publishing should refuse a schedule with problems.
 */
export function validateSchedule(schedule: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!IANAZone.isValidZone(schedule.timezone)) {
    problems.push({
      code: 'bad_timezone',
      field: 'timezone',
      message: { zh: `未知时区 ${schedule.timezone}`, en: `Unknown time zone ${schedule.timezone}` },
    });
  }
  const start = DateTime.fromISO(schedule.start, { setZone: true }).toMillis();
  const end = DateTime.fromISO(schedule.end, { setZone: true }).toMillis();
  if (!(end > start)) {
    problems.push({ code: 'end_not_after_start', field: 'end', message: { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' } });
  }
  const recurrence = schedule.recurrence;
  if (recurrence) {
    const rule = recurrenceRuleProblem(recurrence.rrule);
    if (rule !== null) {
      problems.push({ code: 'bad_rrule', field: 'recurrence.rrule', message: { zh: `重复规则无效：${rule}`, en: `Invalid repeat rule: ${rule}` } });
    }
    if (recurrence.startTime === recurrence.endTime) {
      problems.push({
        code: 'empty_time_range',
        field: 'recurrence.endTime',
        message: { zh: '每日开始与结束时间相同，活动永远不会生效', en: 'The daily start and end are equal, so the campaign would never be live' },
      });
    }
  }
  return problems;
}
