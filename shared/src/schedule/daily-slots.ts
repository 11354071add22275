import { rangeOnDay, type DailyRange, type DayIntervalSource, type Interval } from './day-intervals.js';
import { assertTimeZone, localDay, parseClock } from './local-time.js';
import { createMatcher, type CompiledSchedule } from './schedule-matcher.js';

/** A daily time slot `HH:mm`–`HH:mm` (as in a flash sale's `slots`); an end before the start runs past midnight. */
export interface DailySlot {
  start: string;
  end: string;
}

/** One occurrence of a slot: which slot (index in the list) and its `[start, end)` in epoch ms. */
export interface SlotOccurrence extends Interval {
  slotIndex: number;
}

interface PreparedSlots {
  source: DayIntervalSource;
  indexOfRange: number[];
  matcher: CompiledSchedule;
}

// Keyed by the slots array of a loaded offer: the flash-sale hot path asks about the same slots
// for every reservation. A pure memo, never observable in results.
const prepared = new WeakMap<readonly DailySlot[], Map<string, PreparedSlots>>();

function prepare(slots: readonly DailySlot[], timezone: string): PreparedSlots {
  let byZone = prepared.get(slots);
  const found = byZone?.get(timezone);
  if (found) return found;
  assertTimeZone(timezone);
  const ranges: Array<DailyRange & { slotIndex: number }> = [];
  slots.forEach((slot, slotIndex) => {
    const startMinutes = parseClock(slot.start);
    const endMinutes = parseClock(slot.end);
    if (startMinutes !== endMinutes && startMinutes < 1440) ranges.push({ startMinutes, endMinutes, slotIndex });
  });
  ranges.sort((a, b) => a.startMinutes - b.startMinutes);
  const source: DayIntervalSource = { zone: timezone, ranges, selects: () => true, nextSelected: (day) => day };
  const result: PreparedSlots = {
    source,
    indexOfRange: ranges.map((r) => r.slotIndex),
    matcher: createMatcher(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, timezone, source),
  };
  if (!byZone) {
    byZone = new Map();
    prepared.set(slots, byZone);
  }
  byZone.set(timezone, result);
  return result;
}

/**
 * Whether `nowMs` falls inside one of the daily slots in `timezone` (start inclusive, end
 * exclusive; `10:00`–`10:00` is empty; `22:00`–`02:00` covers the night).
 */
export function isInDailySlots(slots: readonly DailySlot[], timezone: string, nowMs: number): boolean {
  return prepare(slots, timezone).matcher.isActive(nowMs);
}

/** The slot occurrence containing `nowMs` (the earliest-starting one when slots overlap), or null. */
export function currentSlot(slots: readonly DailySlot[], timezone: string, nowMs: number): SlotOccurrence | null {
  const { source, indexOfRange } = prepare(slots, timezone);
  const today = localDay(nowMs, timezone);
  for (const day of [today - 1, today]) {
    for (const [i, range] of source.ranges.entries()) {
      const interval = rangeOnDay(day, range, timezone);
      if (interval.start <= nowMs && nowMs < interval.end) return { ...interval, slotIndex: indexOfRange[i] ?? i };
    }
  }
  return null;
}

/** The first slot start strictly after `nowMs`, or null when every slot is empty. */
export function nextSlotStart(slots: readonly DailySlot[], timezone: string, nowMs: number): number | null {
  const { source } = prepare(slots, timezone);
  const today = localDay(nowMs, timezone);
  // Two days ahead covers every slot even when a DST jump shifts today's starts.
  for (const day of [today, today + 1, today + 2]) {
    for (const range of source.ranges) {
      const { start } = rangeOnDay(day, range, timezone);
      if (start > nowMs) return start;
    }
  }
  return null;
}
