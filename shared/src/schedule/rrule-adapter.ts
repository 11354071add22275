import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { DateTime } from 'luxon';

/**
 * rrule ships a UMD bundle as `main` and ESM only as `module`: bundlers (the studio) see named
 * exports, while Node's native ESM loader (server, Vitest) sees only `default`. Accept both.
 */
const rruleExports: typeof rruleModule =
  (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule;
const { RRule } = rruleExports;

const DAY_MS = 86_400_000;

/** Raised when an RRULE body cannot be used as a day-level recurrence. */
export class RecurrenceRuleError extends Error {
  override readonly name = 'RecurrenceRuleError';
}

/** The parts of an RRULE a day-level recurrence understands (see {@link parseRuleOptions}). */
export type RuleOptions = Partial<Options>;

/**
 * Parses an RRULE body (`FREQ=WEEKLY;BYDAY=WE`, an optional `RRULE:` prefix allowed).
 * Recurrences select whole days, so the frequency must be DAILY or coarser, and DTSTART / TZID
 * are not allowed (the schedule's start and time zone supply them).
 * @throws RecurrenceRuleError when the body is not a usable rule.
 */
export function parseRuleOptions(body: string): RuleOptions {
  const text = body.trim().replace(/^RRULE:/i, '');
  if (/(^|;)\s*(DTSTART|TZID)\s*[=:]/i.test(text) || /\n/.test(text)) {
    throw new RecurrenceRuleError('DTSTART and TZID come from the schedule; give only the RRULE body');
  }
  let options: RuleOptions;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw new RecurrenceRuleError(error instanceof Error ? error.message : 'invalid RRULE');
  }
  if (options.freq === undefined) throw new RecurrenceRuleError('FREQ is required');
  if (options.freq > RRule.DAILY) throw new RecurrenceRuleError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  if (options.byhour != null || options.byminute != null || options.bysecond != null) {
    throw new RecurrenceRuleError('BYHOUR/BYMINUTE/BYSECOND are not allowed: use the daily time range');
  }
  if (options.interval !== undefined && (!Number.isInteger(options.interval) || options.interval < 1)) {
    throw new RecurrenceRuleError('INTERVAL must be a positive integer');
  }
  return options;
}

/** The error message for an RRULE body, or null when it is usable. */
export function recurrenceRuleProblem(body: string): string | null {
  try {
    const options = parseRuleOptions(body);
    new RRule({ ...options, dtstart: floatingDay(0) });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'invalid RRULE';
  }
}

/** A recurrence evaluated on local calendar days, numbered as days since 1970-01-01. */
export interface DayRule {
  /** Whether the rule selects local day `day`. */
  selects(day: number): boolean;
  /** The first selected day ≥ `day`, or null when the rule has no more occurrences. */
  nextSelected(day: number): number | null;
}

/**
 * rrule computes in UTC; local calendar days are fed to it as "floating" UTC midnights so that
 * weekdays and month days are those of the campaign's zone, whatever the UTC instant.
 */
function floatingDay(day: number): ReturnType<DateTime['toJSDate']> {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toJSDate();
}

const SELECTION_CACHE_LIMIT = 256;

/**
 * Builds a day rule anchored at local day `dtstartDay` (the schedule start's local date, which
 * matters for INTERVAL and COUNT). Day answers are memoised: the engine asks about the same
 * few days thousands of times a second.
 * @throws RecurrenceRuleError when the body is not a usable rule.
 */
export function createDayRule(body: string, dtstartDay: number): DayRule {
  const options = parseRuleOptions(body);
  const rule = new RRule({ ...options, dtstart: floatingDay(dtstartDay) });
  const selected = new Map<number, boolean>();

  function selects(day: number): boolean {
    const known = selected.get(day);
    if (known !== undefined) return known;
    const hit = rule.after(floatingDay(day), true);
    const result = hit !== null && Math.floor(hit.getTime() / DAY_MS) === day;
    if (selected.size >= SELECTION_CACHE_LIMIT) selected.clear();
    selected.set(day, result);
    return result;
  }

  function nextSelected(day: number): number | null {
    const hit = rule.after(floatingDay(day), true);
    return hit === null ? null : Math.floor(hit.getTime() / DAY_MS);
  }

  return { selects, nextSelected };
}
