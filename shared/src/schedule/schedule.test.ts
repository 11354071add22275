import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../campaign/campaign.schema.js';
import { RecurrenceRuleError } from './rrule-adapter.js';
import { compileRecurrence, compileSchedule, isScheduleActive, nextTransition } from './schedule.js';
import { validateSchedule } from './schedule-problems.js';

/** Instants are written as ISO strings with their offset and read with luxon (no global Date in shared/). */
const at = (iso: string): number => DateTime.fromISO(iso, { setZone: true }).toMillis();

function schedule(rrule: string | null, startTime = '10:00', endTime = '22:00', overrides: Partial<Schedule> = {}): Schedule {
  return {
    start: '2026-01-01T00:00:00+08:00',
    end: '2027-01-01T00:00:00+08:00',
    timezone: 'Asia/Shanghai',
    ...(rrule === null ? {} : { recurrence: { rrule, startTime, endTime } }),
    ...overrides,
  };
}

const wednesdays = schedule('FREQ=WEEKLY;BYDAY=WE');

describe('isScheduleActive', () => {
  it('evaluates the weekday in the campaign zone, not in UTC', () => {
    // 2026-03-04 is a Wednesday. 15:00Z is Wednesday in UTC but 23:00 in Shanghai: after hours.
    expect(isScheduleActive(wednesdays, at('2026-03-04T15:00:00Z'))).toBe(false);
    // Tuesday 23:00 UTC is Wednesday 07:00 in Shanghai.
    const mornings = schedule('FREQ=WEEKLY;BYDAY=WE', '00:00', '12:00');
    expect(isScheduleActive(mornings, at('2026-03-03T23:00:00Z'))).toBe(true);
    expect(isScheduleActive(mornings, at('2026-03-04T23:00:00Z'))).toBe(false);
  });

  it('includes the daily start and excludes the daily end', () => {
    expect(isScheduleActive(wednesdays, at('2026-03-04T10:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(wednesdays, at('2026-03-04T09:59:59.999+08:00'))).toBe(false);
    expect(isScheduleActive(wednesdays, at('2026-03-04T21:59:59.999+08:00'))).toBe(true);
    expect(isScheduleActive(wednesdays, at('2026-03-04T22:00:00+08:00'))).toBe(false);
    expect(isScheduleActive(wednesdays, at('2026-03-05T12:00:00+08:00'))).toBe(false);
  });

  it('is off before the window starts and from its end on, even on a selected day', () => {
    const s = schedule('FREQ=WEEKLY;BYDAY=WE', '10:00', '22:00', { start: '2026-03-04T12:00:00+08:00', end: '2026-03-11T12:00:00+08:00' });
    expect(isScheduleActive(s, at('2026-03-04T11:00:00+08:00'))).toBe(false);
    expect(isScheduleActive(s, at('2026-03-04T12:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(s, at('2026-03-11T11:59:00+08:00'))).toBe(true);
    expect(isScheduleActive(s, at('2026-03-11T12:00:00+08:00'))).toBe(false);
  });

  it('without a recurrence is the window [start, end)', () => {
    const s = schedule(null);
    expect(isScheduleActive(s, at('2025-12-31T23:59:59.999+08:00'))).toBe(false);
    expect(isScheduleActive(s, at('2026-01-01T00:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(s, at('2027-01-01T00:00:00+08:00'))).toBe(false);
  });

  it('runs a range whose end is before its start past midnight into the next day', () => {
    const fridayNights = schedule('FREQ=WEEKLY;BYDAY=FR', '22:00', '02:00');
    expect(isScheduleActive(fridayNights, at('2026-03-06T23:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(fridayNights, at('2026-03-07T01:59:00+08:00'))).toBe(true);
    expect(isScheduleActive(fridayNights, at('2026-03-07T02:00:00+08:00'))).toBe(false);
    expect(isScheduleActive(fridayNights, at('2026-03-07T23:00:00+08:00'))).toBe(false);
    expect(isScheduleActive(fridayNights, at('2026-03-06T01:00:00+08:00'))).toBe(false);
  });

  it('keeps wall-clock times across the spring DST change in Europe/Berlin', () => {
    // 2026-03-29: clocks jump 02:00 → 03:00. 01:00 CET = 00:00Z, 05:00 CEST = 03:00Z.
    const sundays = schedule('FREQ=WEEKLY;BYDAY=SU', '01:00', '05:00', { timezone: 'Europe/Berlin' });
    expect(isScheduleActive(sundays, at('2026-03-28T23:59:59Z'))).toBe(false);
    expect(isScheduleActive(sundays, at('2026-03-29T00:00:00Z'))).toBe(true);
    expect(isScheduleActive(sundays, at('2026-03-29T02:59:59Z'))).toBe(true);
    expect(isScheduleActive(sundays, at('2026-03-29T03:00:00Z'))).toBe(false);
  });

  it('starts a range that begins in the skipped spring hour when the clock resumes (02:30 → 03:30 CEST)', () => {
    const s = schedule('FREQ=WEEKLY;BYDAY=SU', '02:30', '04:00', { timezone: 'Europe/Berlin' });
    expect(isScheduleActive(s, at('2026-03-29T01:29:59Z'))).toBe(false);
    expect(isScheduleActive(s, at('2026-03-29T01:30:00Z'))).toBe(true);
    expect(isScheduleActive(s, at('2026-03-29T02:00:00Z'))).toBe(false);
  });

  it('keeps wall-clock times across the autumn DST change, including a UTC Saturday that is Sunday in Berlin', () => {
    // 2026-10-25: clocks fall back 03:00 → 02:00. 01:00 CEST = 23:00Z the day before, 05:00 CET = 04:00Z.
    const sundays = schedule('FREQ=WEEKLY;BYDAY=SU', '01:00', '05:00', { timezone: 'Europe/Berlin' });
    expect(isScheduleActive(sundays, at('2026-10-24T22:59:59Z'))).toBe(false);
    expect(isScheduleActive(sundays, at('2026-10-24T23:00:00Z'))).toBe(true);
    expect(isScheduleActive(sundays, at('2026-10-25T03:59:59Z'))).toBe(true);
    expect(isScheduleActive(sundays, at('2026-10-25T04:00:00Z'))).toBe(false);
  });

  it('counts INTERVAL and COUNT from the window start', () => {
    const everyOther = schedule('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', '10:00', '22:00', { start: '2026-03-04T00:00:00+08:00' });
    expect(isScheduleActive(everyOther, at('2026-03-04T12:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(everyOther, at('2026-03-11T12:00:00+08:00'))).toBe(false);
    expect(isScheduleActive(everyOther, at('2026-03-18T12:00:00+08:00'))).toBe(true);
    const twice = schedule('FREQ=DAILY;COUNT=2', '10:00', '22:00', { start: '2026-03-04T00:00:00+08:00' });
    expect(isScheduleActive(twice, at('2026-03-05T12:00:00+08:00'))).toBe(true);
    expect(isScheduleActive(twice, at('2026-03-06T12:00:00+08:00'))).toBe(false);
  });

  it('gives the same answers when asked out of time order (its cache never leaks)', () => {
    const instants = ['2026-03-04T12:00:00+08:00', '2026-03-03T12:00:00+08:00', '2026-03-04T21:00:00+08:00', '2026-03-04T09:00:00+08:00', '2026-03-11T10:00:00+08:00'];
    const fresh = instants.map((iso) => compileSchedule(wednesdays).isActive(at(iso)));
    const shared = compileSchedule(wednesdays);
    expect(instants.map((iso) => shared.isActive(at(iso)))).toEqual(fresh);
    expect(fresh).toEqual([true, false, true, false, true]);
  });

  it('refuses an hourly rule and an unknown zone', () => {
    expect(() => compileSchedule(schedule('FREQ=HOURLY'))).toThrow(RecurrenceRuleError);
    expect(() => compileSchedule(schedule(null, '10:00', '22:00', { timezone: 'Mars/Olympus' }))).toThrow(/time zone/);
  });
});

describe('nextTransition', () => {
  it('finds the next start and end of a weekly range', () => {
    expect(nextTransition(wednesdays, at('2026-03-03T20:00:00+08:00'))).toBe(at('2026-03-04T10:00:00+08:00'));
    expect(nextTransition(wednesdays, at('2026-03-04T10:00:00+08:00'))).toBe(at('2026-03-04T22:00:00+08:00'));
    expect(nextTransition(wednesdays, at('2026-03-04T22:00:00+08:00'))).toBe(at('2026-03-11T10:00:00+08:00'));
  });

  it('waits for the window start, then the first selected day inside it', () => {
    const s = schedule('FREQ=WEEKLY;BYDAY=WE', '10:00', '22:00', { start: '2026-06-01T00:00:00+08:00' });
    expect(nextTransition(s, at('2026-05-20T12:00:00+08:00'))).toBe(at('2026-06-03T10:00:00+08:00'));
    const midRange = schedule('FREQ=WEEKLY;BYDAY=WE', '10:00', '22:00', { start: '2026-03-04T12:00:00+08:00' });
    expect(nextTransition(midRange, at('2026-03-04T11:00:00+08:00'))).toBe(at('2026-03-04T12:00:00+08:00'));
  });

  it('cuts the last range at the window end and then answers null', () => {
    const s = schedule('FREQ=WEEKLY;BYDAY=WE', '10:00', '22:00', { end: '2026-03-04T20:00:00+08:00' });
    expect(nextTransition(s, at('2026-03-04T11:00:00+08:00'))).toBe(at('2026-03-04T20:00:00+08:00'));
    expect(nextTransition(s, at('2026-03-04T20:00:00+08:00'))).toBeNull();
    expect(nextTransition(schedule(null), at('2027-02-01T00:00:00+08:00'))).toBeNull();
  });

  it('without a recurrence flips at the window start and end', () => {
    const s = schedule(null);
    expect(nextTransition(s, at('2025-06-01T00:00:00Z'))).toBe(at('2026-01-01T00:00:00+08:00'));
    expect(nextTransition(s, at('2026-06-01T00:00:00Z'))).toBe(at('2027-01-01T00:00:00+08:00'));
  });

  it('does not flip at midnight when whole days follow each other', () => {
    const allDay = schedule('FREQ=DAILY', '00:00', '24:00', { end: '2026-03-10T00:00:00+08:00' });
    expect(nextTransition(allDay, at('2026-03-02T05:00:00+08:00'))).toBe(at('2026-03-10T00:00:00+08:00'));
  });

  it('ends an overnight range on the next morning', () => {
    const fridayNights = schedule('FREQ=WEEKLY;BYDAY=FR', '22:00', '02:00');
    expect(nextTransition(fridayNights, at('2026-03-07T01:00:00+08:00'))).toBe(at('2026-03-07T02:00:00+08:00'));
    expect(nextTransition(fridayNights, at('2026-03-07T02:00:00+08:00'))).toBe(at('2026-03-13T22:00:00+08:00'));
  });

  it('follows DST in Europe/Berlin', () => {
    const sundays = schedule('FREQ=WEEKLY;BYDAY=SU', '01:00', '05:00', { timezone: 'Europe/Berlin' });
    expect(nextTransition(sundays, at('2026-03-28T12:00:00Z'))).toBe(at('2026-03-29T00:00:00Z'));
    expect(nextTransition(sundays, at('2026-03-29T01:00:00Z'))).toBe(at('2026-03-29T03:00:00Z'));
    expect(nextTransition(sundays, at('2026-10-25T00:30:00Z'))).toBe(at('2026-10-25T04:00:00Z'));
  });

  it('answers null once a counted rule has run out', () => {
    const twice = schedule('FREQ=DAILY;COUNT=2', '10:00', '22:00', { start: '2026-03-04T00:00:00+08:00' });
    expect(nextTransition(twice, at('2026-03-05T12:00:00+08:00'))).toBe(at('2026-03-05T22:00:00+08:00'));
    expect(nextTransition(twice, at('2026-03-05T22:00:00+08:00'))).toBeNull();
  });

  it('agrees with isScheduleActive: the state holds until the transition and flips there', () => {
    const sundays = schedule('FREQ=WEEKLY;BYDAY=SU,WE', '22:00', '03:00', { timezone: 'Europe/Berlin' });
    let now = at('2026-03-20T00:00:00Z');
    for (let step = 0; step < 12; step++) {
      const next = nextTransition(sundays, now)!;
      const before = compileSchedule(sundays).isActive(now);
      expect(compileSchedule(sundays).isActive(next - 1)).toBe(before);
      expect(compileSchedule(sundays).isActive(next)).toBe(!before);
      now = next;
    }
  });
});

describe('validateSchedule', () => {
  it('accepts a sound schedule', () => {
    expect(validateSchedule(wednesdays)).toEqual([]);
  });

  it('names the field of each problem', () => {
    const bad = schedule('FREQ=MINUTELY', '10:00', '10:00', { timezone: 'Nowhere/City', end: '2025-01-01T00:00:00+08:00' });
    expect(validateSchedule(bad).map((p) => [p.code, p.field])).toEqual([
      ['bad_timezone', 'timezone'],
      ['end_not_after_start', 'end'],
      ['bad_rrule', 'recurrence.rrule'],
      ['empty_time_range', 'recurrence.endTime'],
    ]);
  });
});

describe('compileRecurrence', () => {
  it('matches a recurrence without a window and finds its next change within the look-ahead', () => {
    const weekly = compileRecurrence({ rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' }, 'Asia/Shanghai');
    expect(weekly.isActive(at('2026-03-04T12:00:00+08:00'))).toBe(true);
    expect(weekly.nextTransition(at('2026-03-04T12:00:00+08:00'))).toBe(at('2026-03-04T22:00:00+08:00'));
    const always = compileRecurrence({ rrule: 'FREQ=DAILY', startTime: '00:00', endTime: '24:00' }, 'Asia/Shanghai');
    expect(always.isActive(at('2026-03-04T12:00:00+08:00'))).toBe(true);
    expect(always.nextTransition(at('2026-03-04T12:00:00+08:00'))).toBeNull();
  });
});
