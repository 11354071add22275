import { describe, expect, it } from 'vitest';
import { itemOfToken, newReservationToken } from './reservation-token.js';

const item = { campaignId: 'c-1', sku: 'sku:9' };

describe('reservation tokens', () => {
  it('name their sale item', () => {
    expect(itemOfToken(newReservationToken(item))).toEqual(item);
  });

  it('sort by issue time, so SQL keys grow at the right edge', () => {
    const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2026, 5, 1), Date.UTC(2031, 0, 1)];
    const tokens = times.map((t) => newReservationToken(item, undefined, t));
    expect([...tokens].sort()).toEqual(tokens);
  });

  it('differ when issued in the same millisecond', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(newReservationToken(item, undefined, now)).not.toBe(newReservationToken(item, undefined, now));
  });
});
