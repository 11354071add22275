import type { Experiment } from '../campaign/campaign.schema.js';
import { ASSIGNMENT_BUCKETS } from './assignment.js';

/** A reason an experiment cannot be published, with a zh/en message for the studio. */
export interface ExperimentProblem {
  code: 'no_variants' | 'duplicate_variant_key' | 'invalid_weight' | 'weights_sum_mismatch';
  /** The variant concerned, when there is one. */
  variantKey?: string;
  message: { zh: string; en: string };
}

function isBasisPoints(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= ASSIGNMENT_BUCKETS;
}

/**
 * Problems that make an experiment's bucket layout wrong: no variants, duplicate keys, weights
 * that are not whole basis points, or variants + holdout not adding up to exactly 10,000 bp
 * (100%). An empty list means `assignVariant` puts every user in exactly one arm.
 */
export function validateExperiment(experiment: Experiment): ExperimentProblem[] {
  const problems: ExperimentProblem[] = [];
  if (experiment.variants.length === 0) {
    problems.push({ code: 'no_variants', message: { zh: '实验至少需要一个变体', en: 'An experiment needs at least one variant' } });
  }
  const seen = new Set<string>();
  for (const variant of experiment.variants) {
    if (seen.has(variant.key)) {
      problems.push({
        code: 'duplicate_variant_key',
        variantKey: variant.key,
        message: { zh: `变体键“${variant.key}”重复`, en: `Variant key "${variant.key}" is used more than once` },
      });
    }
    seen.add(variant.key);
    if (!isBasisPoints(variant.weight)) {
      problems.push({
        code: 'invalid_weight',
        variantKey: variant.key,
        message: {
          zh: `变体“${variant.key}”的流量必须是 0 到 10000 之间的整数基点`,
          en: `Variant "${variant.key}" weight must be a whole number of basis points from 0 to 10000`,
        },
      });
    }
  }
  if (!isBasisPoints(experiment.holdout)) {
    problems.push({
      code: 'invalid_weight',
      message: { zh: '对照留存组流量必须是 0 到 10000 之间的整数基点', en: 'Holdout must be a whole number of basis points from 0 to 10000' },
    });
  }
  const total = experiment.variants.reduce((sum, v) => sum + v.weight, experiment.holdout);
  if (total !== ASSIGNMENT_BUCKETS) {
    const percent = (total / 100).toFixed(2);
    problems.push({
      code: 'weights_sum_mismatch',
      message: {
        zh: `变体流量与留存组合计为 ${percent}%，必须等于 100%`,
        en: `Variant weights plus holdout add up to ${percent}%, they must add up to 100%`,
      },
    });
  }
  return problems;
}
