import { describe, expect, it } from 'vitest';
import type { Experiment } from '../campaign/campaign.schema.js';
import { validateExperiment } from './validate-experiment.js';

function experiment(holdout: number, variants: [string, number][]): Experiment {
  return { id: 'exp', holdout, variants: variants.map(([key, weight]) => ({ key, weight, overrides: {} })) };
}

describe('validateExperiment', () => {
  it('accepts variants and holdout that add up to 10,000 bp', () => {
    expect(validateExperiment(experiment(1000, [['a', 4500], ['b', 4500]]))).toEqual([]);
    expect(validateExperiment(experiment(0, [['only', 10_000]]))).toEqual([]);
  });

  it('reports weights that do not add up to 100% with the actual total', () => {
    const problems = validateExperiment(experiment(500, [['a', 4500], ['b', 4500]]));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('weights_sum_mismatch');
    expect(problems[0]!.message.en).toContain('95.00%');
    expect(problems[0]!.message.zh).toContain('95.00%');
  });

  it('reports duplicate variant keys', () => {
    const problems = validateExperiment(experiment(0, [['a', 5000], ['a', 5000]]));
    expect(problems.map((p) => [p.code, p.variantKey])).toEqual([['duplicate_variant_key', 'a']]);
  });

  it('reports fractional or negative weights and holdout', () => {
    const codes = validateExperiment(experiment(-100, [['a', 5000.5], ['b', 5099.5]])).map((p) => p.code);
    expect(codes.filter((c) => c === 'invalid_weight')).toHaveLength(3);
  });

  it('reports an experiment without variants', () => {
    expect(validateExperiment(experiment(10_000, [])).map((p) => p.code)).toEqual(['no_variants']);
  });
});
