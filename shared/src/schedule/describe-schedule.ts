import { DateTime } from 'luxon';
import type { Schedule } from '../campaign/campaign.schema.js';
import { parseRuleOptions, type RuleOptions } from './rrule-adapter.js';
import { formatClock, parseClock } from './local-time.js';

/** Languages the studio speaks. */
export type ScheduleLocale = 'zh' | 'en';

const DEFAULT_ZONE = 'Asia/Shanghai';
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS_EN: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last', [-2]: 'second to last' };
const RRULE_FREQ = { YEARLY: 0, MONTHLY: 1, WEEKLY: 2, DAILY: 3 } as const;

interface DayOfWeek {
  weekday: number;
  n: number | undefined;
}

function list<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function weekdaysOf(options: RuleOptions): DayOfWeek[] {
  const codes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  return list(options.byweekday).map((day) => {
    if (typeof day === 'number') return { weekday: day, n: undefined };
    if (typeof day === 'string') return { weekday: codes.indexOf(day), n: undefined };
    return { weekday: day.weekday, n: day.n };
  });
}

function joinEn(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const NUMERALS_ZH = ['', '一', '二', '三', '四', '五'];

function ordinalZh(n: number): string {
  if (n === -1) return '最后一个';
  return n < 0 ? `倒数第${NUMERALS_ZH[-n] ?? -n}个` : `第${NUMERALS_ZH[n] ?? n}个`;
}

function monthDayZh(day: number): string {
  return day === -1 ? '最后一天' : day < 0 ? `倒数第${-day}天` : `${day}日`;
}

function monthDayEn(day: number): string {
  return day === -1 ? 'the last day' : `day ${day}`;
}

/** The day part of a rule ("每周三" / "Every Wednesday"), or null when it is beyond these words. */
function describeDays(options: RuleOptions, locale: ScheduleLocale): string | null {
  const interval = options.interval ?? 1;
  const weekdays = weekdaysOf(options);
  const monthDays = list(options.bymonthday);
  const months = list(options.bymonth);
  const zh = locale === 'zh';
  if (options.bysetpos != null || options.byyearday != null || options.byweekno != null || options.byeaster != null) return null;
  switch (options.freq) {
    case RRULE_FREQ.DAILY:
      if (weekdays.length > 0 || monthDays.length > 0 || months.length > 0) return null;
      if (zh) return interval === 1 ? '每天' : `每${interval}天`;
      return interval === 1 ? 'Every day' : `Every ${interval} days`;
    case RRULE_FREQ.WEEKLY: {
      if (monthDays.length > 0 || months.length > 0 || weekdays.some((d) => d.n !== undefined)) return null;
      if (zh) {
        const days = weekdays.length === 0 ? '' : `周${weekdays.map((d) => WEEKDAYS_ZH[d.weekday]).join('、')}`;
        return interval === 1 ? `每${days || '周'}` : `每${interval}周${days ? `的${days}` : ''}`;
      }
      const days = joinEn(weekdays.map((d) => WEEKDAYS_EN[d.weekday] ?? '?'));
      if (interval === 1) return days ? `Every ${days}` : 'Every week';
      return `Every ${interval} weeks${days ? ` on ${days}` : ''}`;
    }
    case RRULE_FREQ.MONTHLY: {
      if (months.length > 0 || (weekdays.length > 0) === (monthDays.length > 0)) return null;
      if (weekdays.some((d) => d.n === undefined)) return null;
      const every = zh ? (interval === 1 ? '每月' : `每${interval}个月`) : interval === 1 ? 'Every month' : `Every ${interval} months`;
      if (zh) {
        const days = monthDays.length > 0 ? monthDays.map(monthDayZh) : weekdays.map((d) => `${ordinalZh(d.n!)}周${WEEKDAYS_ZH[d.weekday]}`);
        return `${every}${days.join('、')}`;
      }
      const days =
        monthDays.length > 0
          ? monthDays.map(monthDayEn)
          : weekdays.map((d) => `the ${ORDINALS_EN[d.n!] ?? `${d.n}th`} ${WEEKDAYS_EN[d.weekday]}`);
      return `${every} on ${joinEn(days)}`;
    }
    case RRULE_FREQ.YEARLY: {
      if (interval !== 1 || weekdays.length > 0 || months.length !== 1 || monthDays.length !== 1) return null;
      const month = months[0]!;
      const day = monthDays[0]!;
      return zh ? `每年${month}月${monthDayZh(day)}` : `Every year on ${MONTHS_EN[month - 1]} ${day}`;
    }
    default:
      return null;
  }
}

function describeRange(startTime: string, endTime: string, locale: ScheduleLocale): string {
  const start = parseClock(startTime);
  const end = parseClock(endTime);
  if (start === 0 && end === 1440) return locale === 'zh' ? '全天' : 'all day';
  if (start === end) return locale === 'zh' ? '（无时段）' : '(no time range)';
  if (end < start) return locale === 'zh' ? `${formatClock(start)}–次日${formatClock(end)}` : `${formatClock(start)}–${formatClock(end)} (next day)`;
  return `${formatClock(start)}–${formatClock(end)}`;
}

function describeLimits(options: RuleOptions, locale: ScheduleLocale): string {
  const parts: string[] = [];
  if (options.count != null) parts.push(locale === 'zh' ? `共${options.count}次` : `${options.count} times`);
  if (options.until != null) {
    const until = DateTime.fromJSDate(options.until, { zone: 'utc' }).toFormat('yyyy-MM-dd');
    parts.push(locale === 'zh' ? `至${until}` : `until ${until}`);
  }
  if (parts.length === 0) return '';
  return locale === 'zh' ? `，${parts.join('，')}` : `, ${parts.join(', ')}`;
}

function describeWindow(schedule: Schedule, locale: ScheduleLocale): string {
  const format = (iso: string): string =>
    DateTime.fromISO(iso, { setZone: true }).setZone(schedule.timezone).toFormat('yyyy-MM-dd HH:mm');
  return locale === 'zh' ? `${format(schedule.start)} 至 ${format(schedule.end)}` : `${format(schedule.start)} to ${format(schedule.end)}`;
}

/**
 * A human summary of when a campaign runs: the recurrence when there is one ("每周三 10:00–22:00" /
 * "Every Wednesday 10:00–22:00"), otherwise the window in the campaign's zone. A zone other than
 * Asia/Shanghai is named. Rules beyond these words fall back to the RRULE text.
 */
export function describeSchedule(schedule: Schedule, locale: ScheduleLocale): string {
  const zone = schedule.timezone === DEFAULT_ZONE ? '' : ` (${schedule.timezone})`;
  const recurrence = schedule.recurrence;
  if (!recurrence) return `${describeWindow(schedule, locale)}${zone}`;
  const range = describeRange(recurrence.startTime, recurrence.endTime, locale);
  let options: RuleOptions | null;
  try {
    options = parseRuleOptions(recurrence.rrule);
  } catch {
    options = null;
  }
  const days = options ? describeDays(options, locale) : null;
  const limits = options ? describeLimits(options, locale) : '';
  const dayText = days ?? (locale === 'zh' ? `按规则 ${recurrence.rrule}` : `Repeats ${recurrence.rrule}`);
  return `${dayText} ${range}${limits}${zone}`;
}
