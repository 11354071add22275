import { describe, expect, it } from 'vitest';
import type { Experiment } from '../campaign/campaign.schema.js';
import { appliedAmount, cartOf, countersOf, line, makeCampaign, quote, reasonOf, userOf } from './testing/campaign-factory.js';

const offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1_000, off: 300 }] } as const;
const mj = (extra: Record<string, unknown> = {}) => makeCampaign({ id: 'mj', offer: { ...offer, tiers: [...offer.tiers] }, ...extra });
const cart = cartOf([line('A', 2_000)]);

describe('windows', () => {
  it.each([
    { name: 'expired', schedule: { start: '2026-01-01T00:00:00+08:00', end: '2026-06-18T12:00:00+08:00' } },
    { name: 'not yet started', schedule: { start: '2026-06-18T12:00:01+08:00', end: '2026-12-31T00:00:00+08:00' } },
    {
      name: 'recurring day off (Fridays only)',
      schedule: {
        start: '2026-01-01T00:00:00+08:00',
        end: '2027-01-01T00:00:00+08:00',
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=FR', startTime: '00:00', endTime: '24:00' },
      },
    },
    {
      name: 'recurring day, outside the hours (20:00-22:00)',
      schedule: {
        start: '2026-01-01T00:00:00+08:00',
        end: '2027-01-01T00:00:00+08:00',
        recurrence: { rrule: 'FREQ=DAILY', startTime: '20:00', endTime: '22:00' },
      },
    },
  ])('$name: outside_window', ({ schedule }) => {
    const result = quote([mj({ schedule })], cart);
    expect(reasonOf(result, 'mj')).toBe('outside_window');
    expect(result.totals.total).toBe(2_000);
  });

  it('the window start is inclusive', () => {
    const result = quote([mj({ schedule: { start: '2026-06-18T12:00:00+08:00', end: '2026-06-19T00:00:00+08:00' } })], cart);
    expect(appliedAmount(result, 'mj')).toBe(300);
  });

  it('a window condition node in the graph reports outside_window too', () => {
    const c = mj({ conditions: [{ type: 'window', args: { start: '2026-07-01T00:00:00+08:00', end: '2026-07-02T00:00:00+08:00' } }] });
    expect(reasonOf(quote([c], cart), 'mj')).toBe('outside_window');
  });
});

describe('targeting conditions', () => {
  it.each([
    { name: 'region include mismatch', cond: { type: 'region', args: { mode: 'include', provinces: ['44'] } }, reason: 'region_mismatch' },
    { name: 'region exclude match', cond: { type: 'region', args: { mode: 'exclude', cities: ['3101'] } }, reason: 'region_mismatch' },
    { name: 'tags any mismatch', cond: { type: 'user_tags', args: { mode: 'any', tags: ['vip'] } }, reason: 'tag_mismatch' },
    { name: 'tags none with a listed tag', cond: { type: 'user_tags', args: { mode: 'none', tags: ['staff'] } }, reason: 'tag_mismatch' },
    { name: 'channel mismatch', cond: { type: 'channel', args: { channels: ['pos'] } }, reason: 'channel_mismatch' },
    { name: 'member level below', cond: { type: 'member_level', args: { minLevel: 2 } }, reason: 'member_level_too_low' },
  ])('$name → $reason', ({ cond, reason }) => {
    const result = quote([mj({ conditions: [cond] })], cart, { user: userOf({ tags: ['staff'] }) });
    expect(reasonOf(result, 'mj')).toBe(reason);
    expect(result.notApplied[0]!.message.en.length).toBeGreaterThan(0);
  });

  it.each([
    { name: 'region include match', cond: { type: 'region', args: { mode: 'include', provinces: ['31'] } } },
    { name: 'tags any match', cond: { type: 'user_tags', args: { mode: 'any', tags: ['staff'] } } },
  ])('$name applies', ({ cond }) => {
    expect(appliedAmount(quote([mj({ conditions: [cond] })], cart, { user: userOf({ tags: ['staff'] }) }), 'mj')).toBe(300);
  });
});

describe('budgets and limits', () => {
  it.each([
    { name: 'budget smaller than the discount', counters: { budgetLeft: 299 }, limits: { budget: 100_000 }, reason: 'budget_exhausted' },
    { name: 'budget exactly the discount', counters: { budgetLeft: 300 }, limits: { budget: 100_000 }, reason: undefined },
    { name: 'budget used up', counters: { budgetLeft: 0 }, limits: { budget: 100_000 }, reason: 'budget_exhausted' },
    { name: 'untouched budget smaller than the discount', counters: {}, limits: { budget: 200 }, reason: 'budget_exhausted' },
    { name: 'usage cap reached', counters: { usageLeft: 0 }, limits: { usageCap: 10 }, reason: 'usage_cap_reached' },
    { name: 'per-user limit reached', counters: { userTotal: 2 }, limits: { perUserTotal: 2 }, reason: 'user_limit_reached' },
    { name: 'per-user limit not yet reached', counters: { userTotal: 1 }, limits: { perUserTotal: 2 }, reason: undefined },
    { name: 'per-user daily limit reached', counters: { userToday: 1 }, limits: { perUserDaily: 1 }, reason: 'user_limit_reached' },
  ])('$name', ({ counters, limits, reason }) => {
    const result = quote([mj({ limits })], cart, { counters: countersOf({ campaigns: { mj: counters } }) });
    expect(reasonOf(result, 'mj')).toBe(reason);
    expect(result.totals.orderDiscount).toBe(reason === undefined ? 300 : 0);
  });

  it('an item-stage budget smaller than the discount does not apply at all', () => {
    const pct = makeCampaign({ id: 'p', limits: { budget: 10_000 }, offer: { kind: 'percent_off', payRate: 5_000 } });
    const result = quote([pct], cartOf([line('A', 1_000, 3)]), { counters: countersOf({ campaigns: { p: { budgetLeft: 1_499 } } }) });
    expect(reasonOf(result, 'p')).toBe('budget_exhausted');
    expect(result.totals.total).toBe(3_000);
  });
});

describe('A/B variants', () => {
  const experiment: Experiment = {
    id: 'exp1',
    holdout: 1_000,
    variants: [
      { key: 'control', weight: 4_500, overrides: {} },
      { key: 'deeper', weight: 4_500, overrides: { offer: { tiers: [{ minSpend: 1_000, off: 500 }] } } },
    ],
  };
  const ab = mj({ experiment });

  it('holdout users get nothing from the campaign: in_holdout', () => {
    const result = quote([ab], cart, { assignVariant: () => ({ variantKey: null, inHoldout: true }) });
    expect(reasonOf(result, 'mj')).toBe('in_holdout');
  });

  it('the variant override is merged over the offer', () => {
    const result = quote([ab], cart, { assignVariant: () => ({ variantKey: 'deeper', inHoldout: false }) });
    expect(result.applied[0]).toMatchObject({ campaignId: 'mj', amount: 500, variant: 'deeper' });
  });

  it('the control variant keeps the base offer', () => {
    const result = quote([ab], cart, { assignVariant: () => ({ variantKey: 'control', inHoldout: false }) });
    expect(result.applied[0]).toMatchObject({ amount: 300, variant: 'control' });
  });

  it('without an injected assigner the stable hash assignment is used, the same on every quote', () => {
    const variants = new Set<string | null>();
    for (let u = 0; u < 60; u++) {
      const user = userOf({ userId: `user-${u}` });
      const first = quote([ab], cart, { user });
      expect(quote([ab], cart, { user })).toEqual(first);
      variants.add(first.applied[0]?.variant ?? null);
    }
    expect(variants).toEqual(new Set(['control', 'deeper', null]));
  });

  it('an ab_variant condition gates an offer to one variant', () => {
    const gated = mj({ experiment, conditions: [{ type: 'ab_variant', args: { keys: ['deeper'] } }] });
    const result = quote([gated], cart, { assignVariant: () => ({ variantKey: 'control', inHoldout: false }) });
    expect(reasonOf(result, 'mj')).toBe('not_in_variant');
  });
});
