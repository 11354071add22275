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

const CACHE_LIMIT = 256;

/** How far the rule's anchor may move without changing which days it selects. */
type AnchorStep = { unit: 'days'; size: number } | { unit: 'months'; size: number } | null;

/**
 * rrule iterates from DTSTART on every query, so a rule anchored years back costs thousands of
 * steps per day asked about. Without COUNT, moving DTSTART forward by whole periods (INTERVAL days
 * or weeks, INTERVAL months or years) selects the same days from the new anchor on. Month steps
 * are only taken when the anchor's day of month exists in every month, so no clamping changes them.
 */
function anchorStep(options: RuleOptions, anchorDay: number): AnchorStep {
  if (options.count != null) return null;
  const interval = options.interval ?? 1;
  switch (options.freq) {
    case RRule.DAILY:
      return { unit: 'days', size: interval };
    case RRule.WEEKLY:
      return { unit: 'days', size: 7 * interval };
    case RRule.MONTHLY:
    case RRule.YEARLY: {
      if (DateTime.fromMillis(anchorDay * DAY_MS, { zone: 'utc' }).day > 28) return null;
      return { unit: 'months', size: options.freq === RRule.MONTHLY ? interval : 12 * interval };
    }
    default:
      return null;
  }
}

/** The latest anchor equivalent to `anchorDay` that is not after `day`. */
function anchorNear(step: AnchorStep, anchorDay: number, day: number): number {
  if (step === null || day <= anchorDay) return anchorDay;
  if (step.unit === 'days') return anchorDay + Math.floor((day - anchorDay) / step.size) * step.size;
  const anchor = DateTime.fromMillis(anchorDay * DAY_MS, { zone: 'utc' });
  const target = DateTime.fromMillis(day * DAY_MS, { zone: 'utc' });
  const months = (target.year - anchor.year) * 12 + (target.month - anchor.month);
  let steps = Math.floor(months / step.size);
  const shifted = (n: number): number => anchor.plus({ months: n * step.size }).toMillis() / DAY_MS;
  if (shifted(steps) > day) steps -= 1;
  return shifted(steps);
}

/**
 * Builds a day rule anchored at local day `dtstartDay` (the schedule start's local date, which
 * matters for INTERVAL and COUNT). Day answers are memoised: the engine asks about the same
 * few days thousands of times a second.
 * @throws RecurrenceRuleError when the body is not a usable rule.
 */
export function createDayRule(body: string, dtstartDay: number): DayRule {
  const options = parseRuleOptions(body);
  const step = anchorStep(options, dtstartDay);
  const rules = new Map<number, InstanceType<typeof RRule>>();
  const selected = new Map<number, boolean>();

  function ruleFor(day: number): InstanceType<typeof RRule> {
    const anchor = anchorNear(step, dtstartDay, day);
    let rule = rules.get(anchor);
    if (!rule) {
      rule = new RRule({ ...options, dtstart: floatingDay(anchor) });
      if (rules.size >= CACHE_LIMIT) rules.clear();
      rules.set(anchor, rule);
    }
    return rule;
  }

  function nextSelected(day: number): number | null {
    const hit = ruleFor(day).after(floatingDay(day), true);
    return hit === null ? null : Math.floor(hit.getTime() / DAY_MS);
  }

  function selects(day: number): boolean {
    const known = selected.get(day);
    if (known !== undefined) return known;
    const result = nextSelected(day) === day;
    if (selected.size >= CACHE_LIMIT) selected.clear();
    selected.set(day, result);
    return result;
  }

  return { selects, nextSelected };
}
