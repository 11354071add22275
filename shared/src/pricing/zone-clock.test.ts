import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createZoneClock } from './zone-clock.js';

describe('zone clock', () => {
  it.each([
    { iso: '2026-06-18T12:30:00+08:00', zone: 'Asia/Shanghai', minutes: 12 * 60 + 30 },
    { iso: '2026-06-18T00:05:00+08:00', zone: 'Asia/Shanghai', minutes: 5 },
    { iso: '2026-06-18T23:59:59+08:00', zone: 'Asia/Shanghai', minutes: 23 * 60 + 59 },
    { iso: '2026-03-29T00:59:00Z', zone: 'Europe/Berlin', minutes: 60 + 59 },
    { iso: '2026-03-29T01:00:00Z', zone: 'Europe/Berlin', minutes: 3 * 60 },
    { iso: '2026-01-01T10:00:00Z', zone: 'Asia/Kathmandu', minutes: 15 * 60 + 45 },
  ])('$iso is minute $minutes of the day in $zone', ({ iso, zone, minutes }) => {
    const clock = createZoneClock();
    expect(clock.minutesOfDay(zone, DateTime.fromISO(iso).toMillis())).toBe(minutes);
  });

  it('agrees with luxon across a DST change when reused minute by minute', () => {
    const clock = createZoneClock();
    const start = DateTime.fromISO('2026-10-25T00:00:00Z').toMillis();
    for (let t = start; t < start + 3 * 3_600_000; t += 60_000) {
      const local = DateTime.fromMillis(t, { zone: 'Europe/Berlin' });
      expect(clock.minutesOfDay('Europe/Berlin', t)).toBe(local.hour * 60 + local.minute);
    }
  });
});
