import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { currentSlot, isInDailySlots, nextSlotStart } from './daily-slots.js';

const at = (iso: string): number => DateTime.fromISO(iso, { setZone: true }).toMillis();
const zone = 'Asia/Shanghai';
/** A flash sale at 10:00 and 20:00 every day, two hours each. */
const slots = [
  { start: '10:00', end: '12:00' },
  { start: '20:00', end: '22:00' },
];

describe('daily slots', () => {
  it('is inside a slot from its start (inclusive) to its end (exclusive), in the sale zone', () => {
    expect(isInDailySlots(slots, zone, at('2026-11-11T10:00:00+08:00'))).toBe(true);
    expect(isInDailySlots(slots, zone, at('2026-11-11T11:59:59.999+08:00'))).toBe(true);
    expect(isInDailySlots(slots, zone, at('2026-11-11T12:00:00+08:00'))).toBe(false);
    expect(isInDailySlots(slots, zone, at('2026-11-11T20:30:00+08:00'))).toBe(true);
    expect(isInDailySlots(slots, zone, at('2026-11-11T12:30:00Z'))).toBe(true);
    expect(isInDailySlots(slots, 'Europe/Berlin', at('2026-11-11T20:30:00+08:00'))).toBe(false);
  });

  it('names the slot that is on, whatever the order slots were listed in', () => {
    const reversed = [slots[1]!, slots[0]!];
    expect(currentSlot(reversed, zone, at('2026-11-11T20:15:00+08:00'))).toEqual({
      slotIndex: 0,
      start: at('2026-11-11T20:00:00+08:00'),
      end: at('2026-11-11T22:00:00+08:00'),
    });
    expect(currentSlot(slots, zone, at('2026-11-11T13:00:00+08:00'))).toBeNull();
  });

  it('finds the next slot start strictly after now, rolling over to tomorrow', () => {
    expect(nextSlotStart(slots, zone, at('2026-11-11T08:00:00+08:00'))).toBe(at('2026-11-11T10:00:00+08:00'));
    expect(nextSlotStart(slots, zone, at('2026-11-11T10:00:00+08:00'))).toBe(at('2026-11-11T20:00:00+08:00'));
    expect(nextSlotStart(slots, zone, at('2026-11-11T22:30:00+08:00'))).toBe(at('2026-11-12T10:00:00+08:00'));
  });

  it('runs an overnight slot into the next day', () => {
    const late = [{ start: '23:00', end: '01:00' }];
    expect(isInDailySlots(late, zone, at('2026-11-12T00:30:00+08:00'))).toBe(true);
    expect(isInDailySlots(late, zone, at('2026-11-12T01:00:00+08:00'))).toBe(false);
    expect(currentSlot(late, zone, at('2026-11-12T00:30:00+08:00'))?.start).toBe(at('2026-11-11T23:00:00+08:00'));
  });

  it('treats a slot whose start equals its end as empty', () => {
    const empty = [{ start: '10:00', end: '10:00' }];
    expect(isInDailySlots(empty, zone, at('2026-11-11T10:00:00+08:00'))).toBe(false);
    expect(nextSlotStart(empty, zone, at('2026-11-11T08:00:00+08:00'))).toBeNull();
  });
});
