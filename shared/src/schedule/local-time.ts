import { DateTime, IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Raised for a time zone or clock string the schedule code cannot use. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

/** Throws {@link ScheduleError} unless `zone` is an IANA time zone luxon knows (e.g. `Asia/Shanghai`). */
export function assertTimeZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw new ScheduleError(`unknown time zone ${zone}`);
}

/** `HH:mm` (or `24:00`) → minutes after local midnight. */
export function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new ScheduleError(`bad clock time ${clock}, expected HH:mm`);
  }
  return hours * 60 + minutes;
}

/** Minutes after midnight → `HH:mm`. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

// Zone offsets only change on quarter-hour instants (offsets and transition wall times are whole
// quarter hours), so one lookup per zone and quarter hour is exact. Luxon's lookup goes through
// Intl and costs microseconds; the engine and the flash-sale path ask thousands of times a second.
const QUARTER_HOUR_MS = 900_000;
const OFFSET_CACHE_LIMIT = 4096;
const offsetCaches = new Map<string, Map<number, number>>();

/** The UTC offset of `zone` at instant `ms`, in minutes (Asia/Shanghai: 480). */
export function zoneOffset(zone: string, ms: number): number {
  let cache = offsetCaches.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(bucket * QUARTER_HOUR_MS);
    if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

/** The local calendar day of an instant in `zone`, as days since 1970-01-01. */
export function localDay(nowMs: number, zone: string): number {
  return Math.floor((nowMs + zoneOffset(zone, nowMs) * MINUTE_MS) / DAY_MS);
}

/**
 * The instant at which the wall clock in `zone` shows `minutes` after midnight of local `day`
 * (minutes may exceed 1440 to reach the next day). Resolved the way luxon does: a wall time skipped
 * by a DST jump moves forward with the clock (02:30 → 03:30 in Europe/Berlin), a wall time repeated
 * when clocks fall back takes the later offset.
 */
export function localInstant(day: number, minutes: number, zone: string): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const guess = zoneOffset(zone, wall);
  const first = wall - guess * MINUTE_MS;
  const offsetThere = zoneOffset(zone, first);
  if (offsetThere === guess) return first;
  const second = first - (offsetThere - guess) * MINUTE_MS;
  const offsetSecond = zoneOffset(zone, second);
  if (offsetSecond === offsetThere) return second;
  return wall - Math.min(offsetThere, offsetSecond) * MINUTE_MS;
}

/** The local date of a day number as `yyyy-MM-dd`. */
export function formatDay(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toFormat('yyyy-MM-dd');
}
