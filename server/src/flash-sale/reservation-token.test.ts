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

  it('differ when issued in the same millisecond, across refills of the random pool', () => {
    const now = Date.UTC(2026, 0, 1);
    const tokens = Array.from({ length: 600 }, () => newReservationToken(item, undefined, now));
    expect(new Set(tokens).size).toBe(600);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-z]{9}[0-9a-f]{32}\./);
  });
});
