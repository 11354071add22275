import { describe, expect, it } from 'vitest';
import { weekdaysOf, weeklyRule } from './weekly-rule.js';

describe('weekly recurrence rules', () => {
  it('reads the weekdays of a simple weekly rule', () => {
    expect(weekdaysOf('FREQ=WEEKLY;BYDAY=FR,WE')).toEqual(['WE', 'FR']);
    expect(weekdaysOf('freq=weekly;byday=mo')).toEqual(['MO']);
  });

  it('refuses rules the chips cannot show', () => {
    expect(weekdaysOf('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
    expect(weekdaysOf('FREQ=WEEKLY;BYDAY=WE;INTERVAL=2')).toBeNull();
    expect(weekdaysOf('FREQ=WEEKLY;BYDAY=1MO')).toBeNull();
  });

  it('writes the chosen days in calendar order, daily for all seven', () => {
    expect(weeklyRule(['FR', 'WE'])).toBe('FREQ=WEEKLY;BYDAY=WE,FR');
    expect(weeklyRule(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).toBe('FREQ=DAILY');
  });
});
