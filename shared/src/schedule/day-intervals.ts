import { localDay, localInstant } from './local-time.js';

/** A half-open interval of epoch milliseconds `[start, end)`. */
export interface Interval {
  start: number;
  end: number;
}

/** A daily time range in minutes after local midnight; `end < start` runs past midnight. */
export interface DailyRange {
  startMinutes: number;
  endMinutes: number;
}

/** Where active intervals come from: some local days, each with its daily ranges. */
export interface DayIntervalSource {
  zone: string;
  /** Ranges of every selected day, sorted by start, none empty. */
  ranges: readonly DailyRange[];
  /** Whether local day `day` is selected. */
  selects(day: number): boolean;
  /** The first selected day ≥ `day`, or null when none is left. */
  nextSelected(day: number): number | null;
}

/**
 * The instants a range covers on local day `day`. A range whose end is before its start runs to
 * that time on the next day (22:00–02:00 on Friday ends on Saturday 02:00).
 */
export function rangeOnDay(day: number, range: DailyRange, zone: string): Interval {
  const endMinutes = range.endMinutes < range.startMinutes ? range.endMinutes + 1440 : range.endMinutes;
  return { start: localInstant(day, range.startMinutes, zone), end: localInstant(day, endMinutes, zone) };
}

/** Whether `nowMs` falls in an interval of today or of yesterday's overnight ranges. */
export function sourceContains(source: DayIntervalSource, nowMs: number): boolean {
  const today = localDay(nowMs, source.zone);
  for (const day of [today, today - 1]) {
    if (!source.selects(day)) continue;
    for (const range of source.ranges) {
      const { start, end } = rangeOnDay(day, range, source.zone);
      if (start <= nowMs && nowMs < end) return true;
    }
  }
  return false;
}

/**
 * The source's intervals from local day `fromDay` on, in start order, with touching or overlapping
 * ones merged (00:00–24:00 every day is one long interval, not a flip at each midnight). Stops at
 * the first interval starting at or after `untilMs`, so an endless daily rule still terminates.
 */
export function* mergedIntervals(source: DayIntervalSource, fromDay: number, untilMs: number): Generator<Interval> {
  if (source.ranges.length === 0) return;
  let current: Interval | null = null;
  let day: number | null = source.nextSelected(fromDay);
  while (day !== null) {
    for (const range of source.ranges) {
      const next = rangeOnDay(day, range, source.zone);
      if (next.start >= untilMs) {
        if (current !== null) yield current;
        return;
      }
      if (current === null) current = next;
      else if (next.start <= current.end) current = { start: current.start, end: Math.max(current.end, next.end) };
      else {
        yield current;
        current = next;
      }
    }
    day = source.nextSelected(day + 1);
  }
  if (current !== null) yield current;
}

/**
 * The first instant after `nowMs` where membership of the union of `intervals` ∩ `[windowStart,
 * windowEnd)` changes, or null when it never changes again. `intervals` must be merged and sorted.
 */
export function nextFlip(intervals: Iterable<Interval>, windowStart: number, windowEnd: number, nowMs: number): number | null {
  if (nowMs >= windowEnd) return null;
  for (const interval of intervals) {
    const start = Math.max(interval.start, windowStart);
    const end = Math.min(interval.end, windowEnd);
    if (interval.start >= windowEnd) return null;
    if (end <= start || end <= nowMs) continue;
    return start <= nowMs ? end : start;
  }
  return null;
}
