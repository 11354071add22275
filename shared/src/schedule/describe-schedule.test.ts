import { describe, expect, it } from 'vitest';
import type { Schedule } from '../campaign/campaign.schema.js';
import { describeSchedule } from './describe-schedule.js';

function recurring(rrule: string, startTime = '10:00', endTime = '22:00', timezone = 'Asia/Shanghai'): Schedule {
  return { start: '2026-01-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00', timezone, recurrence: { rrule, startTime, endTime } };
}
const both = (s: Schedule): [string, string] => [describeSchedule(s, 'zh'), describeSchedule(s, 'en')];

describe('describeSchedule', () => {
  it('describes a weekly day and time range', () => {
    expect(both(recurring('FREQ=WEEKLY;BYDAY=WE'))).toEqual(['每周三 10:00–22:00', 'Every Wednesday 10:00–22:00']);
  });

  it('lists several weekdays and an interval', () => {
    expect(both(recurring('FREQ=WEEKLY;BYDAY=MO,WE,FR'))).toEqual(['每周一、三、五 10:00–22:00', 'Every Monday, Wednesday and Friday 10:00–22:00']);
    expect(both(recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA'))).toEqual(['每2周的周六 10:00–22:00', 'Every 2 weeks on Saturday 10:00–22:00']);
  });

  it('describes daily, monthly and yearly rules', () => {
    expect(both(recurring('FREQ=DAILY', '00:00', '24:00'))).toEqual(['每天 全天', 'Every day all day']);
    expect(both(recurring('FREQ=MONTHLY;BYMONTHDAY=18'))).toEqual(['每月18日 10:00–22:00', 'Every month on day 18 10:00–22:00']);
    expect(both(recurring('FREQ=MONTHLY;BYDAY=1MO'))).toEqual(['每月第一个周一 10:00–22:00', 'Every month on the first Monday 10:00–22:00']);
    expect(both(recurring('FREQ=MONTHLY;BYMONTHDAY=-1'))).toEqual(['每月最后一天 10:00–22:00', 'Every month on the last day 10:00–22:00']);
    expect(both(recurring('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=11'))).toEqual(['每年11月11日 10:00–22:00', 'Every year on November 11 10:00–22:00']);
  });

  it('marks an overnight range, a count and a zone other than Shanghai', () => {
    expect(both(recurring('FREQ=WEEKLY;BYDAY=FR', '22:00', '02:00'))).toEqual(['每周五 22:00–次日02:00', 'Every Friday 22:00–02:00 (next day)']);
    expect(both(recurring('FREQ=DAILY;COUNT=3'))).toEqual(['每天 10:00–22:00，共3次', 'Every day 10:00–22:00, 3 times']);
    expect(both(recurring('FREQ=WEEKLY;BYDAY=SU', '01:00', '05:00', 'Europe/Berlin'))).toEqual([
      '每周日 01:00–05:00 (Europe/Berlin)',
      'Every Sunday 01:00–05:00 (Europe/Berlin)',
    ]);
  });

  it('falls back to the rule text for rules beyond its words', () => {
    expect(both(recurring('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2'))).toEqual([
      '按规则 FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2 10:00–22:00',
      'Repeats FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2 10:00–22:00',
    ]);
  });

  it('describes a plain window in the campaign zone', () => {
    const s: Schedule = { start: '2026-11-01T00:00:00+08:00', end: '2026-11-11T16:00:00Z', timezone: 'Asia/Shanghai' };
    expect(both(s)).toEqual(['2026-11-01 00:00 至 2026-11-12 00:00', '2026-11-01 00:00 to 2026-11-12 00:00']);
  });
});
