import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDay, localInstant, parseClock } from './local-time.js';

const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'];
const DAY_MS = 86_400_000;

describe('local time', () => {
  it('resolves wall-clock times exactly as luxon does, DST gaps and overlaps included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 18_000, max: 22_000 }), fc.integer({ min: 0, max: 1440 }), (zone, day, minutes) => {
        const expected = DateTime.fromMillis(day * DAY_MS + minutes * 60_000, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).toMillis();
        expect(localInstant(day, minutes, zone)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches luxon on every quarter hour of every 2026 DST change day', () => {
    let checked = 0;
    for (const zone of zones) {
      for (let day = 20_454; day < 20_454 + 365; day++) {
        const offsetAt = (ms: number): number => DateTime.fromMillis(ms, { zone }).offset;
        if (offsetAt(day * DAY_MS) === offsetAt((day + 1) * DAY_MS)) continue;
        for (let minutes = 0; minutes <= 1440 + 120; minutes += 15) {
          const expected = DateTime.fromMillis((day - 1) * DAY_MS + minutes * 60_000, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).toMillis();
          expect(localInstant(day - 1, minutes, zone)).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(8 * 100);
  });

  it('gives the local calendar day luxon gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 1_500_000_000_000, max: 1_900_000_000_000 }), (zone, ms) => {
        const local = DateTime.fromMillis(ms, { zone });
        const expected = DateTime.utc(local.year, local.month, local.day).toMillis() / DAY_MS;
        expect(localDay(ms, zone)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses HH:mm and 24:00 and rejects 24:30', () => {
    expect(parseClock('10:30')).toBe(630);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('24:30')).toThrow(/bad clock/);
  });
});
