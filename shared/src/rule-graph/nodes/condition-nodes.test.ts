import { describe, expect, it } from 'vitest';
import { makeContext } from '../condition-context.fixture.js';
import type { ConditionContext } from '../evaluator.types.js';
import { getNodeDefinition, NODE_DEFINITIONS } from '../node-registry.js';

function check(type: string, args: Record<string, unknown>, ctx: ConditionContext = makeContext()): boolean {
  const definition = getNodeDefinition(type)!;
  return definition.evaluate(definition.args.parse(args), ctx);
}

function reason(type: string): string {
  return getNodeDefinition(type)!.failReason;
}

describe('condition nodes', () => {
  it('window is true inside [start, end) and false at the end instant', () => {
    const args = { start: '2026-11-11T00:00:00+08:00', end: '2026-11-11T20:00:00+08:00' };
    expect(check('window', args, makeContext({ nowMs: 1_794_398_400_000 - 1 }))).toBe(true);
    expect(check('window', args)).toBe(false);
    expect(reason('window')).toBe('outside_window');
  });

  it('recurrence follows the campaign zone: Wednesday evening in Shanghai is Wednesday noon in UTC', () => {
    const args = { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' };
    expect(check('recurrence', args)).toBe(true);
    expect(check('recurrence', args, makeContext({ timezone: 'America/Los_Angeles' }))).toBe(false);
    expect(reason('recurrence')).toBe('outside_window');
  });

  it('region include matches the province or the city, exclude the opposite', () => {
    expect(check('region', { provinces: ['31'] })).toBe(true);
    expect(check('region', { cities: ['3101'] })).toBe(true);
    expect(check('region', { provinces: ['44'] })).toBe(false);
    expect(check('region', { mode: 'exclude', provinces: ['31'] })).toBe(false);
    expect(check('region', { mode: 'exclude', provinces: ['44'] })).toBe(true);
    expect(check('region', { provinces: ['31'] }, makeContext({ user: { region: {} } }))).toBe(false);
    expect(reason('region')).toBe('region_mismatch');
  });

  it('channel matches the listed channels only', () => {
    expect(check('channel', { channels: ['app', 'web'] })).toBe(true);
    expect(check('channel', { channels: ['pos'] })).toBe(false);
    expect(reason('channel')).toBe('channel_mismatch');
  });

  it('user tags any / all / none', () => {
    const ctx = makeContext({ user: { tags: ['vip', 'mom'] } });
    expect(check('user_tags', { mode: 'any', tags: ['vip', 'student'] }, ctx)).toBe(true);
    expect(check('user_tags', { mode: 'all', tags: ['vip', 'student'] }, ctx)).toBe(false);
    expect(check('user_tags', { mode: 'all', tags: ['vip', 'mom'] }, ctx)).toBe(true);
    expect(check('user_tags', { mode: 'none', tags: ['vip'] }, ctx)).toBe(false);
    expect(check('user_tags', { mode: 'none', tags: ['student'] }, ctx)).toBe(true);
    expect(reason('user_tags')).toBe('tag_mismatch');
  });

  it('segment checks membership of the key the server computes (dormant_<days>, custom id)', () => {
    expect(check('segment', { kind: 'dormant', dormantDays: 30 })).toBe(true);
    expect(check('segment', { kind: 'dormant', dormantDays: 60 })).toBe(false);
    expect(check('segment', { kind: 'custom', customSegment: 'bakery_fans' }, makeContext({ user: { segments: ['bakery_fans'] } }))).toBe(true);
    expect(check('segment', { kind: 'high_value' })).toBe(false);
    expect(reason('segment')).toBe('segment_mismatch');
  });

  it('member level is at least L', () => {
    expect(check('member_level', { minLevel: 2 })).toBe(true);
    expect(check('member_level', { minLevel: 3 })).toBe(false);
    expect(reason('member_level')).toBe('member_level_too_low');
  });

  it('new user', () => {
    expect(check('new_user', {}, makeContext({ user: { isNewUser: true } }))).toBe(true);
    expect(check('new_user', {})).toBe(false);
    expect(reason('new_user')).toBe('not_new_user');
  });

  it('cart subtotal compares the in-scope subtotal, threshold inclusive', () => {
    expect(check('cart_subtotal', { minSpend: 5000 })).toBe(true);
    expect(check('cart_subtotal', { minSpend: 5001 })).toBe(false);
    expect(reason('cart_subtotal')).toBe('below_threshold');
  });

  it('sku quantity sums units over the SKU set', () => {
    expect(check('sku_quantity', { skus: ['apple', 'milk'], minQuantity: 3 })).toBe(true);
    expect(check('sku_quantity', { skus: ['apple'], minQuantity: 3 })).toBe(false);
    expect(reason('sku_quantity')).toBe('quantity_too_low');
  });

  it('contains category matches ancestors carried on the line', () => {
    expect(check('contains_category', { categoryIds: ['produce'] })).toBe(true);
    expect(check('contains_category', { categoryIds: ['frozen'] })).toBe(false);
    expect(reason('contains_category')).toBe('category_missing');
  });

  it('A/B variant needs an assigned key in the list (holdout has none)', () => {
    expect(check('ab_variant', { keys: ['B'] }, makeContext({ variantKey: 'B' }))).toBe(true);
    expect(check('ab_variant', { keys: ['B'] }, makeContext({ variantKey: 'A' }))).toBe(false);
    expect(check('ab_variant', { keys: ['B'] })).toBe(false);
    expect(reason('ab_variant')).toBe('not_in_variant');
  });
});

describe('node registry', () => {
  it('has one definition per type with zh/en labels for the node and each argument', () => {
    const types = NODE_DEFINITIONS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const definition of NODE_DEFINITIONS) {
      expect(definition.label.zh.length * definition.label.en.length).toBeGreaterThan(0);
      const shape = (definition.args as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      const argNames = Object.keys(shape);
      expect(Object.keys(definition.argLabels).sort()).toEqual(argNames.sort());
    }
  });

  it('rejects bad arguments through the zod schema', () => {
    expect(getNodeDefinition('recurrence')!.args.safeParse({ rrule: 'FREQ=HOURLY', startTime: '10:00', endTime: '11:00' }).success).toBe(false);
    expect(getNodeDefinition('region')!.args.safeParse({ mode: 'include' }).success).toBe(false);
    expect(getNodeDefinition('segment')!.args.safeParse({ kind: 'custom' }).success).toBe(false);
  });

  it('start and logic nodes hold on their own', () => {
    for (const type of ['start', 'and', 'or', 'not', 'offer']) expect(check(type, type === 'offer' ? { offer: { kind: 'percent_off', payRate: 8500 } } : {})).toBe(true);
  });
});
