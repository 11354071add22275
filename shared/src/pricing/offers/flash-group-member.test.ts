import { describe, expect, it } from 'vitest';
import { appliedAmount, cartOf, countersOf, line, makeCampaign, NOW_MS, quote, reasonOf, userOf } from '../testing/campaign-factory.js';

const flash = makeCampaign({
  id: 'flash',
  offer: { kind: 'flash_sale', slots: [{ start: '10:00', end: '14:00' }], items: [{ sku: 'TV', price: 99_900, stock: 10 }] },
});
const reservation = { campaignId: 'flash', sku: 'TV', quantity: 1, price: 99_900 };
const group = makeCampaign({ id: 'group', offer: { kind: 'group_buy', items: [{ sku: 'RICE', groupPrice: 3_990 }], groupSize: 3, fillHours: 24 } });
const member = makeCampaign({
  id: 'member',
  offer: { kind: 'member', minLevel: 3, benefit: { type: 'percent', payRate: 8_800 } },
});
const memberDay = makeCampaign({
  id: 'memberday',
  schedule: {
    start: '2026-01-01T00:00:00+08:00',
    end: '2027-01-01T00:00:00+08:00',
    recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '00:00', endTime: '24:00' },
  },
  offer: { kind: 'member', minLevel: 1, benefit: { type: 'price', items: [{ sku: 'MILK', price: 500 }] } },
});

describe('flash_sale (秒杀)', () => {
  it('without a reservation the list price stays and the reason is no_reservation', () => {
    const result = quote([flash], cartOf([line('TV', 199_900)]));
    expect(result.totals.total).toBe(199_900);
    expect(reasonOf(result, 'flash')).toBe('no_reservation');
  });

  it('with a valid reservation the line gets the flash price', () => {
    const result = quote([flash], cartOf([line('TV', 199_900, 1, { reservationToken: 't1' })]), {
      counters: countersOf({ flashReservations: { t1: reservation } }),
    });
    expect(result.lines[0]!.final).toBe(99_900);
    expect(appliedAmount(result, 'flash')).toBe(100_000);
  });

  it('the reservation quantity caps the units at flash price', () => {
    const result = quote([flash], cartOf([line('TV', 199_900, 3, { reservationToken: 't1' })]), {
      counters: countersOf({ flashReservations: { t1: reservation } }),
    });
    expect(result.lines[0]!.final).toBe(99_900 + 2 * 199_900);
  });

  it('a reservation of another campaign or SKU does not count', () => {
    const result = quote([flash], cartOf([line('TV', 199_900, 1, { reservationToken: 't1' })]), {
      counters: countersOf({ flashReservations: { t1: { ...reservation, campaignId: 'other' } } }),
    });
    expect(reasonOf(result, 'flash')).toBe('no_reservation');
  });

  it('sold out without a reservation says out_of_stock', () => {
    const result = quote([flash], cartOf([line('TV', 199_900)]), { counters: countersOf({ flashStock: { 'flash:TV': 0 } }) });
    expect(reasonOf(result, 'flash')).toBe('out_of_stock');
  });

  it('outside the daily slot the flash price does not apply', () => {
    const result = quote([flash], cartOf([line('TV', 199_900, 1, { reservationToken: 't1' })]), {
      counters: countersOf({ flashReservations: { t1: reservation } }),
      nowMs: NOW_MS + 3 * 3_600_000,
    });
    expect(reasonOf(result, 'flash')).toBe('outside_window');
  });
});

describe('group_buy (拼团)', () => {
  it('without a group id the list price stays and the reason is no_group', () => {
    const result = quote([group], cartOf([line('RICE', 5_990)]));
    expect(result.totals.total).toBe(5_990);
    expect(reasonOf(result, 'group')).toBe('no_group');
  });

  it('with a valid group id the line gets the group price', () => {
    const result = quote([group], cartOf([line('RICE', 5_990, 2, { groupId: 'g1' })]), { counters: countersOf({ groups: { g1: 'group' } }) });
    expect(result.lines[0]!.final).toBe(7_980);
  });

  it('a group of another campaign does not count', () => {
    const result = quote([group], cartOf([line('RICE', 5_990, 1, { groupId: 'g1' })]), { counters: countersOf({ groups: { g1: 'x' } }) });
    expect(reasonOf(result, 'group')).toBe('no_group');
  });

  const leaderGroup = makeCampaign({
    id: 'group',
    offer: { kind: 'group_buy', items: [{ sku: 'RICE', groupPrice: 3_990 }], groupSize: 3, fillHours: 24, leaderDiscount: 500 },
  });

  it.each([
    { seat: { campaignId: 'group', isLeader: true }, final: 2 * (3_990 - 500) },
    { seat: { campaignId: 'group', isLeader: false }, final: 2 * 3_990 },
    { seat: 'group', final: 2 * 3_990 },
  ])('leaderDiscount: seat $seat pays $final for two units', ({ seat, final }) => {
    const result = quote([leaderGroup], cartOf([line('RICE', 5_990, 2, { groupId: 'g1' })]), { counters: countersOf({ groups: { g1: seat } }) });
    expect(result.lines[0]!.final).toBe(final);
    expect(result.lines[0]!.itemAdjustments).toEqual([{ campaignId: 'group', amount: 11_980 - final, units: 2 }]);
  });

  it('the leader price never goes below 0', () => {
    const generous = makeCampaign({
      id: 'group',
      offer: { kind: 'group_buy', items: [{ sku: 'RICE', groupPrice: 300 }], groupSize: 2, fillHours: 24, leaderDiscount: 500 },
    });
    const result = quote([generous], cartOf([line('RICE', 5_990, 1, { groupId: 'g1' })]), {
      counters: countersOf({ groups: { g1: { campaignId: 'group', isLeader: true } } }),
    });
    expect(result.lines[0]!.final).toBe(0);
  });
});

describe('member (会员专属)', () => {
  it.each([
    { level: 2, final: 10_000, reason: 'member_level_too_low' },
    { level: 3, final: 8_800, reason: undefined },
    { level: 9, final: 8_800, reason: undefined },
  ])('member level $level: final $final', ({ level, final, reason }) => {
    const result = quote([member], cartOf([line('A', 10_000)]), { user: userOf({ memberLevel: level }) });
    expect(result.lines[0]!.final).toBe(final);
    expect(reasonOf(result, 'member')).toBe(reason);
  });

  it('member-day price applies on the recurring day (Wednesday)', () => {
    const wednesday = NOW_MS - 86_400_000;
    const result = quote([memberDay], cartOf([line('MILK', 800, 2)]), { user: userOf({ memberLevel: 1 }), nowMs: wednesday });
    expect(result.lines[0]!.final).toBe(1_000);
  });

  it('member-day price does not apply on other days: outside_window', () => {
    const result = quote([memberDay], cartOf([line('MILK', 800, 2)]), { user: userOf({ memberLevel: 1 }) });
    expect(result.lines[0]!.final).toBe(1_600);
    expect(reasonOf(result, 'memberday')).toBe('outside_window');
  });
});
