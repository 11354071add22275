import { z } from 'zod';
import type { Campaign } from '../campaign/campaign.schema.js';
import { applyVariant, type VariantOverrideProblem } from './apply-variant.js';
import { validateExperiment } from './validate-experiment.js';
import { sampleRatioMismatch, type SampleRatioResult } from './srm.js';
import { summarizeVariant, type VariantMetrics, type VariantSummary } from './variant-summary.js';
import { welchTTest } from './welch-t-test.js';
import { twoProportionZTest } from './z-test.js';

/** The metric a winner must be best on: conversion rate (z-test) or revenue per user (Welch t-test). */
export const PrimaryMetricSchema = z.enum(['conversion', 'revenue_per_user']);
export type PrimaryMetric = z.infer<typeof PrimaryMetricSchema>;

export type PromoteWinnerReasonCode =
  | 'significant_winner'
  | 'no_significant_difference'
  | 'sample_ratio_mismatch'
  | 'insufficient_data'
  | 'missing_metrics'
  | 'missing_variance'
  | 'not_an_experiment'
  | 'invalid_experiment'
  | 'invalid_override';

export interface PromoteWinnerInput {
  campaign: Campaign;
  /** Totals per variant key; every variant of the experiment needs an entry. */
  metrics: Readonly<Record<string, VariantMetrics>>;
  /** Holdout totals; when given (and the holdout is not empty) the SRM check includes the holdout. */
  holdoutMetrics?: VariantMetrics;
  primaryMetric?: PrimaryMetric;
  /** Family-wise significance level, split over the comparisons (Bonferroni). Default 0.05. */
  alpha?: number;
  /** Exposures every variant needs before a decision. Default 1,000. */
  minExposuresPerVariant?: number;
}

/** The leading variant against one other variant (A = the other, B = the leader). */
export interface VariantComparison {
  against: string;
  difference: number;
  relativeLift: number | null;
  pValue: number;
  confidenceInterval: { low: number; high: number; level: number };
  significant: boolean;
}

export interface PromoteWinnerDecision {
  winner: string | null;
  reason: { code: PromoteWinnerReasonCode; message: { zh: string; en: string } };
  primaryMetric: PrimaryMetric;
  /** The variant with the best primary metric, significant or not. */
  leader: string | null;
  summaries: Record<string, VariantSummary>;
  srm: SampleRatioResult | null;
  comparisons: VariantComparison[];
  /** The change to apply when there is a winner: the campaign with its overrides merged and no experiment. */
  campaign: Campaign | null;
  /** Why the winner's overrides could not be merged (reason `invalid_override`). */
  overrideProblems: VariantOverrideProblem[];
}

const MESSAGES: Record<PromoteWinnerReasonCode, (detail: string) => { zh: string; en: string }> = {
  significant_winner: (d) => ({ zh: `变体“${d}”在主要指标上显著胜出`, en: `Variant "${d}" wins significantly on the primary metric` }),
  no_significant_difference: (d) => ({
    zh: `领先变体“${d}”尚未显著优于其他变体`,
    en: `The leading variant "${d}" is not yet significantly better than the others`,
  }),
  sample_ratio_mismatch: (d) => ({ zh: `分流比例异常（p = ${d}），结果不可信`, en: `Sample ratio mismatch (p = ${d}): the results cannot be trusted` }),
  insufficient_data: (d) => ({ zh: `每个变体至少需要 ${d} 次曝光`, en: `Every variant needs at least ${d} exposures` }),
  missing_metrics: (d) => ({ zh: `缺少变体“${d}”的数据`, en: `Metrics for variant "${d}" are missing` }),
  missing_variance: (d) => ({
    zh: `变体“${d}”缺少人均收入的平方和，无法做 t 检验`,
    en: `Variant "${d}" has no revenue sum of squares, so revenue per user cannot be tested`,
  }),
  not_an_experiment: () => ({ zh: '活动没有至少两个变体的实验', en: 'The campaign has no experiment with at least two variants' }),
  invalid_experiment: (d) => ({ zh: `实验配置无效：${d}`, en: `The experiment is invalid: ${d}` }),
  invalid_override: (d) => ({ zh: `胜出变体“${d}”的覆盖无法应用`, en: `The overrides of winning variant "${d}" cannot be applied` }),
};

function metricValue(summary: VariantSummary, metric: PrimaryMetric): number {
  return (metric === 'conversion' ? summary.conversionRate : summary.revenuePerUser) ?? 0;
}

function compare(leader: VariantSummary, other: VariantSummary, metric: PrimaryMetric, threshold: number, key: string): VariantComparison {
  const test =
    metric === 'conversion'
      ? twoProportionZTest({ conversionsA: other.conversions, exposuresA: other.exposures, conversionsB: leader.conversions, exposuresB: leader.exposures })
      : welchTTest({
          meanA: other.revenuePerUser ?? 0,
          varA: other.revenueVariance ?? 0,
          nA: other.exposures,
          meanB: leader.revenuePerUser ?? 0,
          varB: leader.revenueVariance ?? 0,
          nB: leader.exposures,
        });
  const { difference, relativeLift, pValue, confidenceInterval } = test;
  return { against: key, difference, relativeLift, pValue, confidenceInterval, significant: difference > 0 && pValue < threshold };
}

/**
 * Decides whether an experiment has a winner to roll out. In order: the experiment must be valid
 * with ≥ 2 variants; every variant needs metrics and `minExposuresPerVariant` exposures; the
 * sample-ratio check must pass (a broken split voids everything else); then the variant with the
 * best primary metric must beat every other variant with p < alpha / (variants − 1). The holdout
 * is never a candidate (it is "no promotion"). On a win, `campaign` is the change to apply.
 */
export function promoteWinner(input: PromoteWinnerInput): PromoteWinnerDecision {
  const primaryMetric = input.primaryMetric ?? 'conversion';
  const alpha = input.alpha ?? 0.05;
  const minExposures = Math.max(2, input.minExposuresPerVariant ?? 1000);
  const experiment = input.campaign.experiment;
  const decision: PromoteWinnerDecision = {
    winner: null,
    reason: { code: 'not_an_experiment', message: MESSAGES.not_an_experiment('') },
    primaryMetric,
    leader: null,
    summaries: {},
    srm: null,
    comparisons: [],
    campaign: null,
    overrideProblems: [],
  };
  const stop = (code: PromoteWinnerReasonCode, detail: string): PromoteWinnerDecision => ({
    ...decision,
    reason: { code, message: MESSAGES[code](detail) },
  });
  if (!experiment || experiment.variants.length < 2) return stop('not_an_experiment', '');
  const problems = validateExperiment(experiment);
  if (problems.length > 0) return stop('invalid_experiment', problems.map((p) => p.message.en).join('; '));

  for (const variant of experiment.variants) {
    const metrics = input.metrics[variant.key];
    if (!metrics) return stop('missing_metrics', variant.key);
    decision.summaries[variant.key] = summarizeVariant(metrics);
  }
  const keys = experiment.variants.map((v) => v.key);
  const summaries = keys.map((key) => decision.summaries[key]!);

  const withHoldout = input.holdoutMetrics !== undefined && experiment.holdout > 0;
  const counts = summaries.map((s) => s.exposures);
  const weights = experiment.variants.map((v) => v.weight);
  decision.srm = withHoldout
    ? sampleRatioMismatch([input.holdoutMetrics!.exposures, ...counts], [experiment.holdout, ...weights])
    : sampleRatioMismatch(counts, weights);
  if (decision.srm.mismatch) return stop('sample_ratio_mismatch', decision.srm.pValue.toPrecision(2));

  const thin = summaries.findIndex((s) => s.exposures < minExposures);
  if (thin >= 0) return stop('insufficient_data', String(minExposures));
  if (primaryMetric === 'revenue_per_user') {
    const noVariance = summaries.findIndex((s) => s.revenueVariance === null);
    if (noVariance >= 0) return stop('missing_variance', keys[noVariance]!);
  }

  let leaderIndex = 0;
  summaries.forEach((s, i) => {
    if (metricValue(s, primaryMetric) > metricValue(summaries[leaderIndex]!, primaryMetric)) leaderIndex = i;
  });
  const leaderKey = keys[leaderIndex]!;
  decision.leader = leaderKey;
  const threshold = alpha / (keys.length - 1);
  decision.comparisons = keys.flatMap((key, i) =>
    i === leaderIndex ? [] : [compare(summaries[leaderIndex]!, summaries[i]!, primaryMetric, threshold, key)],
  );
  if (!decision.comparisons.every((c) => c.significant)) return stop('no_significant_difference', leaderKey);

  const applied = applyVariant(input.campaign, leaderKey);
  if (!applied.ok) return { ...stop('invalid_override', leaderKey), overrideProblems: applied.problems };
  return { ...stop('significant_winner', leaderKey), winner: leaderKey, campaign: applied.campaign };
}
