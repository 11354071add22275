import { intlLocale, type Locale } from './locale-preference.js';

/** A date and time as seen in the campaign's time zone (not the planner's machine zone). */
export function formatDateTime(iso: string, timezone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function formatDate(iso: string, timezone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** `2026-06-18T10:00` in `timezone` → ISO instant with offset, for datetime-local inputs. */
export function localInputToIso(value: string, timezone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Offset of the zone at (about) that instant; one correction pass handles DST edges.
  const offset = zoneOffsetMs(guess, timezone);
  const corrected = guess - offset;
  const finalOffset = zoneOffsetMs(corrected, timezone);
  return new Date(guess - finalOffset).toISOString();
}

/** ISO instant → `YYYY-MM-DDTHH:mm` wall time in `timezone`, for datetime-local inputs. */
export function isoToLocalInput(iso: string, timezone: string): string {
  const parts = wallParts(Date.parse(iso), timezone);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function wallParts(ms: number, timezone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => formatted.find((p) => p.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function zoneOffsetMs(ms: number, timezone: string): number {
  const p = wallParts(ms, timezone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}
