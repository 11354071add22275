import { DateTime } from 'luxon';
import type { Schedule } from '../campaign/campaign.schema.js';
import { createDayRule } from './rrule-adapter.js';
import type { DailyRange, DayIntervalSource } from './day-intervals.js';
import { assertTimeZone, localDay, parseClock, ScheduleError } from './local-time.js';
import { createMatcher, type CompiledSchedule } from './schedule-matcher.js';

export type { CompiledSchedule } from './schedule-matcher.js';

function parseInstant(iso: string, field: string): number {
  const ms = DateTime.fromISO(iso, { setZone: true }).toMillis();
  if (!Number.isFinite(ms)) throw new ScheduleError(`${field} is not an ISO date-time: ${iso}`);
  return ms;
}

/**
 * The daily range of a recurrence. Equal start and end times select nothing (an empty range,
 * never active); `00:00`–`24:00` is the whole day; an end before the start runs past midnight.
 */
export function dailyRange(startTime: string, endTime: string): DailyRange[] {
  const startMinutes = parseClock(startTime);
  const endMinutes = parseClock(endTime);
  if (startMinutes === endMinutes || startMinutes >= 1440) return [];
  return [{ startMinutes, endMinutes }];
}

/** The recurrence part of a schedule: an RRULE body selecting days, and a daily time range. */
export interface Recurrence {
  rrule: string;
  startTime: string;
  endTime: string;
}

function recurrenceSource(recurrence: Recurrence, zone: string, anchorDay: number): DayIntervalSource {
  return { zone, ranges: dailyRange(recurrence.startTime, recurrence.endTime), ...createDayRule(recurrence.rrule, anchorDay) };
}

/**
 * Prepares a schedule: parses the window, the RRULE (by local day in `schedule.timezone`,
 * anchored at the window start's local date) and the daily time range.
 * @throws ScheduleError for an unknown zone, bad date-times or clock times
 * @throws RecurrenceRuleError for an unusable RRULE
 */
export function compileSchedule(schedule: Schedule): CompiledSchedule {
  const zone = schedule.timezone;
  assertTimeZone(zone);
  const startMs = parseInstant(schedule.start, 'start');
  const endMs = parseInstant(schedule.end, 'end');
  const source = schedule.recurrence ? recurrenceSource(schedule.recurrence, zone, localDay(startMs, zone)) : null;
  return createMatcher(startMs, endMs, zone, source);
}

/**
 * Prepares a recurrence on its own (no window), as the rule graph's recurrence node uses it.
 * INTERVAL and COUNT count from local day `anchorDay` (days since 1970-01-01). Its
 * `nextTransition` looks about 400 days ahead and answers null past that.
 */
export function compileRecurrence(recurrence: Recurrence, timezone: string, anchorDay = 0): CompiledSchedule {
  assertTimeZone(timezone);
  const source = recurrenceSource(recurrence, timezone, anchorDay);
  return createMatcher(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, timezone, source);
}

// Keyed by the schedule object itself, so a campaign loaded once is compiled once; a WeakMap lets
// replaced campaigns be collected. It is a pure memo: results never depend on what is cached.
const compiled = new WeakMap<Schedule, CompiledSchedule>();

function compiledFor(schedule: Schedule): CompiledSchedule {
  let found = compiled.get(schedule);
  if (!found) {
    found = compileSchedule(schedule);
    compiled.set(schedule, found);
  }
  return found;
}

/**
 * Whether a schedule is live at `nowMs`: inside the window `[start, end)` and, with a
 * recurrence, on a day the RRULE selects (in the schedule's zone) within its daily time range.
 * @throws ScheduleError / RecurrenceRuleError for an unusable schedule
 */
export function isScheduleActive(schedule: Schedule, nowMs: number): boolean {
  return compiledFor(schedule).isActive(nowMs);
}

/**
 * The first instant after `nowMs` at which {@link isScheduleActive} changes value, or null when it
 * never changes again (the window is over, or the recurrence has no more occurrences in it).
 */
export function nextTransition(schedule: Schedule, nowMs: number): number | null {
  return compiledFor(schedule).nextTransition(nowMs);
}
