import { describe, expect, it } from 'vitest';
import { dayTicks, layoutTimeline } from './timeline-layout.js';

describe('theme timeline', () => {
  const start = '2026-06-01T00:00:00+08:00';
  const end = '2026-06-11T00:00:00+08:00';

  it('positions campaigns proportionally inside the theme window', () => {
    const bars = layoutTimeline(start, end, [
      { id: 'a', start, end },
      { id: 'b', start: '2026-06-06T00:00:00+08:00', end: '2026-06-07T00:00:00+08:00' },
    ]);
    expect(bars).toEqual([
      { id: 'a', left: 0, width: 100, clipped: false },
      { id: 'b', left: 50, width: 10, clipped: false },
    ]);
  });

  it('clips campaigns that run past the window and drops those outside', () => {
    const bars = layoutTimeline(start, end, [
      { id: 'over', start: '2026-05-30T00:00:00+08:00', end: '2026-06-02T00:00:00+08:00' },
      { id: 'out', start: '2026-07-01T00:00:00+08:00', end: '2026-07-02T00:00:00+08:00' },
    ]);
    expect(bars).toEqual([{ id: 'over', left: 0, width: 10, clipped: true }]);
  });

  it('gives one tick per China day, thinned for long ranges', () => {
    expect(dayTicks(start, end)).toHaveLength(10);
    expect(dayTicks(start, end)[0]).toBe('2026-06-01');
    expect(dayTicks('2026-01-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00', 10).length).toBeLessThanOrEqual(10);
  });
});
