import { zoneOffset } from '../schedule/local-time.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Local wall-clock minutes of an instant in a time zone. */
export interface ZoneClock {
  minutesOfDay(zone: string, nowMs: number): number;
}

/** Wall-clock minutes through the schedule code's memoised zone offsets (one luxon lookup per zone and quarter hour). */
export function createZoneClock(): ZoneClock {
  return {
    minutesOfDay(zone, nowMs) {
      const local = (((nowMs + zoneOffset(zone, nowMs) * MINUTE_MS) % DAY_MS) + DAY_MS) % DAY_MS;
      return Math.floor(local / MINUTE_MS);
    },
  };
}
