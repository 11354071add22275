import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaign/campaign.schema.js';
import { oneOfferExperiment } from './experiment-campaign.fixture.js';
import type { VariantMetrics } from './variant-summary.js';
import { promoteWinner } from './promote-winner.js';

const BASE_OFFER = { kind: 'percent_off', payRate: 9000 };

function campaign(variants: { key: string; weight: number; payRate?: number }[], holdout = 0): Campaign {
  return oneOfferExperiment({
    name: '全场9折',
    offer: BASE_OFFER,
    schedule: { start: '2026-06-01T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00' },
    experiment: {
      id: 'exp-618',
      holdout,
      variants: variants.map(({ key, weight, payRate }) => ({
        key,
        weight,
        overrides: payRate === undefined ? {} : { 'offer-1': { payRate } },
      })),
    },
  });
}

function arm(exposures: number, conversions: number, extra: Partial<VariantMetrics> = {}): VariantMetrics {
  return { exposures, conversions, revenue: conversions * 5000, discountCost: conversions * 500, ...extra };
}

const TWO_ARMS = campaign([
  { key: 'a', weight: 5000 },
  { key: 'b', weight: 5000, payRate: 8500 },
]);

describe('promoteWinner', () => {
  it('promotes a variant that converts significantly better and returns the merged campaign', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(10_000, 1000), b: arm(10_050, 1150) } });
    expect(decision.winner).toBe('b');
    expect(decision.reason.code).toBe('significant_winner');
    expect(decision.reason.message.en).toContain('"b"');
    expect(decision.comparisons).toHaveLength(1);
    expect(decision.comparisons[0]!.against).toBe('a');
    expect(decision.comparisons[0]!.pValue).toBeLessThan(0.05);
    expect(decision.srm?.mismatch).toBe(false);
    expect(decision.campaign?.experiment).toBeUndefined();
    expect(decision.campaign?.graph.nodes[1]!.args['offer']).toEqual({ kind: 'percent_off', payRate: 8500 });
  });

  it('promotes the base variant when it is the one that wins', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(10_000, 1200), b: arm(10_000, 1000) } });
    expect(decision.winner).toBe('a');
    expect(decision.campaign?.graph.nodes[1]!.args['offer']).toEqual(BASE_OFFER);
  });

  it('declares no winner while the difference is not significant, naming the leader', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(10_000, 1000), b: arm(10_000, 1030) } });
    expect(decision).toMatchObject({ winner: null, leader: 'b', campaign: null });
    expect(decision.reason.code).toBe('no_significant_difference');
    expect(decision.comparisons[0]!.significant).toBe(false);
  });

  it('refuses to decide on a broken split even when one arm looks far better', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(10_000, 1000), b: arm(11_000, 1600) } });
    expect(decision.winner).toBeNull();
    expect(decision.reason.code).toBe('sample_ratio_mismatch');
    expect(decision.srm?.pValue).toBeLessThan(0.001);
  });

  it('includes the holdout in the sample-ratio check when its totals are given', () => {
    const withHoldout = campaign(
      [
        { key: 'a', weight: 4500 },
        { key: 'b', weight: 4500, payRate: 8500 },
      ],
      1000,
    );
    const metrics = { a: arm(9000, 900), b: arm(9000, 1100) };
    expect(promoteWinner({ campaign: withHoldout, metrics }).winner).toBe('b');
    const decision = promoteWinner({ campaign: withHoldout, metrics, holdoutMetrics: arm(3000, 200) });
    expect(decision.srm?.df).toBe(2);
    expect(decision.reason.code).toBe('sample_ratio_mismatch');
  });

  it('waits for enough exposures in every variant', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(400, 10), b: arm(400, 90) } });
    expect(decision.reason.code).toBe('insufficient_data');
    expect(promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(400, 10), b: arm(400, 90) }, minExposuresPerVariant: 300 }).winner).toBe('b');
  });

  it('splits alpha over the comparisons so a best-of-three needs to beat both others', () => {
    const threeArms = campaign([
      { key: 'a', weight: 3333 },
      { key: 'b', weight: 3333, payRate: 8800 },
      { key: 'c', weight: 3334, payRate: 8500 },
    ]);
    // c beats a clearly but beats b only at p ≈ 0.04, above 0.05 / 2.
    const decision = promoteWinner({ campaign: threeArms, metrics: { a: arm(10_000, 1000), b: arm(10_000, 1100), c: arm(10_000, 1190) } });
    expect(decision.leader).toBe('c');
    expect(decision.comparisons.map((c) => [c.against, c.significant])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(decision.comparisons[1]!.pValue).toBeGreaterThan(0.025);
    expect(decision.comparisons[1]!.pValue).toBeLessThan(0.05);
    expect(decision.winner).toBeNull();
  });

  it('decides on revenue per user with the Welch t-test when asked', () => {
    // Per-user revenue: a has mean 600 fen, sd 3,000; b has mean 720 fen, sd 3,100 (fen).
    const revenueArm = (n: number, mean: number, sd: number): VariantMetrics => ({
      exposures: n,
      conversions: Math.round(n * 0.1),
      revenue: n * mean,
      discountCost: n * 50,
      revenueSumSquares: sd * sd * (n - 1) + n * mean * mean,
    });
    const metrics = { a: revenueArm(20_000, 600, 3000), b: revenueArm(20_000, 720, 3100) };
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics, primaryMetric: 'revenue_per_user' });
    expect(decision.summaries['b']!.revenueVariance).toBeCloseTo(3100 * 3100, 3);
    expect(decision.comparisons[0]!.difference).toBeCloseTo(120, 9);
    expect(decision.comparisons[0]!.pValue).toBeLessThan(0.001);
    expect(decision.winner).toBe('b');
  });

  it('needs the revenue sum of squares to test revenue per user', () => {
    const decision = promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(5000, 500), b: arm(5000, 600) }, primaryMetric: 'revenue_per_user' });
    expect(decision.reason.code).toBe('missing_variance');
  });

  it('reports missing metrics, a campaign without an experiment and an invalid experiment', () => {
    expect(promoteWinner({ campaign: TWO_ARMS, metrics: { a: arm(5000, 500) } }).reason.code).toBe('missing_metrics');
    const { experiment: _experiment, ...plain } = TWO_ARMS;
    expect(promoteWinner({ campaign: plain, metrics: {} }).reason.code).toBe('not_an_experiment');
    const unbalanced = campaign([
      { key: 'a', weight: 5000 },
      { key: 'b', weight: 4000 },
    ]);
    expect(promoteWinner({ campaign: unbalanced, metrics: { a: arm(5000, 500), b: arm(4000, 600) } }).reason.code).toBe('invalid_experiment');
  });

  it('does not promote a winner whose overrides no longer make a valid offer', () => {
    const broken = campaign([
      { key: 'a', weight: 5000 },
      { key: 'b', weight: 5000, payRate: 20_000 },
    ]);
    const decision = promoteWinner({ campaign: broken, metrics: { a: arm(10_000, 1000), b: arm(10_000, 1200) } });
    expect(decision.winner).toBeNull();
    expect(decision.reason.code).toBe('invalid_override');
    expect(decision.overrideProblems[0]?.nodeId).toBe('offer-1');
  });
});
