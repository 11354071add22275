import fc from 'fast-check';
import { DateTime } from 'luxon';
import * as rruleModule from 'rrule';
import { describe, expect, it } from 'vitest';
import { createDayRule, parseRuleOptions, recurrenceRuleProblem } from './rrule-adapter.js';

const { RRule } = (rruleModule as { default?: typeof rruleModule }).default ?? rruleModule;
const DAY_MS = 86_400_000;
const floating = (day: number) => DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toJSDate();

/** Straight rrule from the original anchor, however far back: the reference answer. */
function referenceSelects(body: string, anchorDay: number, day: number): boolean {
  const rule = new RRule({ ...parseRuleOptions(body), dtstart: floating(anchorDay) });
  const hit = rule.after(floating(day), true);
  return hit !== null && Math.floor(hit.getTime() / DAY_MS) === day;
}

const bodies = [
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=WEEKLY;BYDAY=WE',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR',
  'FREQ=WEEKLY;INTERVAL=3',
  'FREQ=MONTHLY',
  'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15,-1',
  'FREQ=MONTHLY;BYDAY=1MO',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR',
  'FREQ=YEARLY',
  'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=11',
  'FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=1',
];

describe('day rules', () => {
  it('select the same days as rrule anchored at the original start, far from it too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.integer({ min: 17_532, max: 20_454 }), fc.integer({ min: 0, max: 1_200 }), (body, anchor, offset) => {
        const rule = createDayRule(body, anchor);
        const day = anchor + offset;
        for (const d of [day, day + 1, day + 31]) expect(rule.selects(d)).toBe(referenceSelects(body, anchor, d));
      }),
      { numRuns: 200 },
    );
  });

  it('selects nothing before its anchor and honours COUNT from it', () => {
    const anchor = 20_516; // 2026-03-04, a Wednesday
    const twice = createDayRule('FREQ=WEEKLY;BYDAY=WE;COUNT=2', anchor);
    expect([anchor - 7, anchor, anchor + 7, anchor + 14].map((d) => twice.selects(d))).toEqual([false, true, true, false]);
    expect(twice.nextSelected(anchor + 8)).toBeNull();
  });

  it('explains unusable rules', () => {
    expect(recurrenceRuleProblem('FREQ=WEEKLY;BYDAY=WE')).toBeNull();
    expect(recurrenceRuleProblem('FREQ=HOURLY')).toMatch(/DAILY/);
    expect(recurrenceRuleProblem('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toMatch(/DTSTART/);
    expect(recurrenceRuleProblem('FREQ=DAILY;BYHOUR=10')).toMatch(/BYHOUR/);
    expect(recurrenceRuleProblem('BYDAY=MO')).toMatch(/FREQ/);
    expect(recurrenceRuleProblem('nonsense')).not.toBeNull();
  });
});
