import {
  assignVariant,
  HOLDOUT_KEY,
  promoteWinner,
  sampleRatioMismatch,
  summarizeVariant,
  twoProportionZTest,
  welchTTest,
  type Campaign,
  type PrimaryMetric,
  type PromoteWinnerDecision,
  type VariantMetrics,
} from '@promo/shared';
import type { Knex } from 'knex';
import { AppError } from '../app/app-error.js';
import { discountByUser, eventUsers, userOrderTotals } from '../analytics/analytics-data.repo.js';

export interface ArmResult {
  key: string;
  metrics: VariantMetrics;
  summary: ReturnType<typeof summarizeVariant>;
  /** Against the holdout (or, without one, against the first variant): conversion z-test and revenue-per-user Welch t-test. */
  vsControl: { control: string; conversion: ReturnType<typeof twoProportionZTest>; revenuePerUser: ReturnType<typeof welchTTest> } | null;
}

export interface ExperimentResults {
  campaignId: string;
  experimentId: string;
  window: { from: number; to: number };
  arms: ArmResult[];
  srm: ReturnType<typeof sampleRatioMismatch>;
}

/**
 * Per-arm totals of an experiment: exposed users are those with an impression event for the
 * campaign in the window, assigned with the shared hash (the same arm pricing gave them); a
 * conversion is a committed order in the window; revenue what they paid; discount what this
 * campaign gave them.
 */
export async function experimentMetrics(db: Knex, campaign: Campaign, window: { from: number; to: number }): Promise<Map<string, VariantMetrics>> {
  const experiment = campaign.experiment;
  if (!experiment) throw new AppError('bad_request', `campaign ${campaign.id} has no experiment`);
  const users = await eventUsers(db, [campaign.id], 'impression', window.from, window.to);
  const orders = await userOrderTotals(db, users, window.from, window.to);
  const discounts = await discountByUser(db, campaign.id, users, window.from, window.to);
  const arms = new Map<string, VariantMetrics & { revenueSumSquares: number }>();
  for (const key of [HOLDOUT_KEY, ...experiment.variants.map((v) => v.key)]) arms.set(key, { exposures: 0, conversions: 0, revenue: 0, discountCost: 0, revenueSumSquares: 0 });
  for (const user of users) {
    const assignment = assignVariant(experiment.id, user, experiment);
    const arm = arms.get(assignment.inHoldout ? HOLDOUT_KEY : (assignment.variantKey ?? ''));
    if (!arm) continue;
    const bought = orders.get(user);
    arm.exposures += 1;
    if (bought) {
      arm.conversions += 1;
      arm.revenue += bought.revenue;
      arm.revenueSumSquares += bought.revenue * bought.revenue;
    }
    arm.discountCost += discounts.get(user) ?? 0;
  }
  return arms;
}

function compareArms(control: VariantMetrics, arm: VariantMetrics) {
  const a = summarizeVariant(control);
  const b = summarizeVariant(arm);
  return {
    conversion: twoProportionZTest({ conversionsA: a.conversions, exposuresA: a.exposures, conversionsB: b.conversions, exposuresB: b.exposures }),
    revenuePerUser: welchTTest({ meanA: a.revenuePerUser ?? 0, varA: a.revenueVariance ?? 0, nA: a.exposures, meanB: b.revenuePerUser ?? 0, varB: b.revenueVariance ?? 0, nB: b.exposures }),
  };
}

function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    // The shared tests refuse arms too small to test (fewer than 2 users); the arm shows no test.
    return null;
  }
}

export async function experimentResults(db: Knex, campaign: Campaign, window: { from: number; to: number }): Promise<ExperimentResults> {
  const experiment = campaign.experiment!;
  const metrics = await experimentMetrics(db, campaign, window);
  const withHoldout = experiment.holdout > 0;
  const controlKey = withHoldout ? HOLDOUT_KEY : experiment.variants[0]!.key;
  const control = metrics.get(controlKey)!;
  const keys = [...(withHoldout ? [HOLDOUT_KEY] : []), ...experiment.variants.map((v) => v.key)];
  const arms: ArmResult[] = keys.map((key) => {
    const m = metrics.get(key)!;
    const tests = key === controlKey ? null : safely(() => compareArms(control, m));
    return { key, metrics: m, summary: summarizeVariant(m), vsControl: tests ? { control: controlKey, ...tests } : null };
  });
  const weights = keys.map((k) => (k === HOLDOUT_KEY ? experiment.holdout : experiment.variants.find((v) => v.key === k)!.weight));
  const srm = sampleRatioMismatch(
    keys.map((k) => metrics.get(k)!.exposures),
    weights,
  );
  return { campaignId: campaign.id, experimentId: experiment.id, window, arms, srm };
}

/** The shared promote-winner decision on the measured metrics. */
export async function decideWinner(db: Knex, campaign: Campaign, window: { from: number; to: number }, options: { primaryMetric?: PrimaryMetric; minExposuresPerVariant?: number }): Promise<PromoteWinnerDecision> {
  const metrics = await experimentMetrics(db, campaign, window);
  const variants = Object.fromEntries((campaign.experiment?.variants ?? []).map((v) => [v.key, metrics.get(v.key)!]));
  return promoteWinner({ campaign, metrics: variants, holdoutMetrics: metrics.get(HOLDOUT_KEY), primaryMetric: options.primaryMetric, minExposuresPerVariant: options.minExposuresPerVariant });
}
