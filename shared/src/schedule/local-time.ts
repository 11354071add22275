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

/** The local calendar day of an instant in `zone`, as days since 1970-01-01. */
export function localDay(nowMs: number, zone: string): number {
  const offsetMinutes = DateTime.fromMillis(nowMs, { zone }).offset;
  return Math.floor((nowMs + offsetMinutes * MINUTE_MS) / DAY_MS);
}

/**
 * The instant at which the wall clock in `zone` shows `minutes` after midnight of local `day`
 * (minutes may exceed 1440 to reach the next day). Wall times skipped by a DST jump resolve to the
 * same offset luxon picks (the clock moves forward, 02:30 → 03:30 in Europe/Berlin); times repeated
 * when clocks fall back resolve to the later offset.
 */
export function localInstant(day: number, minutes: number, zone: string): number {
  return DateTime.fromMillis(day * DAY_MS + minutes * MINUTE_MS, { zone: 'utc' })
    .setZone(zone, { keepLocalTime: true })
    .toMillis();
}

/** The local date of a day number as `yyyy-MM-dd`. */
export function formatDay(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toFormat('yyyy-MM-dd');
}
