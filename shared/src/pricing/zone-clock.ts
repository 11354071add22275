import { DateTime } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** Local wall-clock minutes of an instant in a time zone, with the zone offset memoised. */
export interface ZoneClock {
  minutesOfDay(zone: string, nowMs: number): number;
}

/**
 * A clock that asks luxon for a zone's UTC offset once per zone per quarter hour: offsets only
 * change at DST or legal transitions, which fall on quarter-hour UTC instants, so the offset at a
 * quarter's start holds for the whole quarter. Luxon's offset lookup costs tens of microseconds,
 * a large share of a quote; the memo is pure (the answer never depends on what is cached).
 */
export function createZoneClock(): ZoneClock {
  const offsets = new Map<string, { from: number; offsetMs: number }>();
  return {
    minutesOfDay(zone, nowMs) {
      const from = Math.floor(nowMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      let entry = offsets.get(zone);
      if (entry?.from !== from) {
        entry = { from, offsetMs: DateTime.fromMillis(from, { zone }).offset * 60_000 };
        offsets.set(zone, entry);
      }
      const local = (((nowMs + entry.offsetMs) % DAY_MS) + DAY_MS) % DAY_MS;
      return Math.floor(local / 60_000);
    },
  };
}
