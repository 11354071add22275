import { describe, expect, it } from 'vitest';
import { bestCombination, type CombinationCandidate } from './best-combination.js';

const additive = (candidates: readonly CombinationCandidate[]) => (selected: readonly number[]) =>
  selected.reduce((sum, i) => sum + candidates[i]!.value, 0);

describe('bestCombination', () => {
  it('takes at most one candidate per group and every ungrouped one', () => {
    const candidates = [
      { group: 'G', value: 5 },
      { group: 'G', value: 9 },
      { group: null, value: 1 },
      { group: 'H', value: 3 },
    ];
    expect(bestCombination(candidates, additive(candidates), 12)).toEqual([1, 2, 3]);
  });

  it('finds the best combination when values interact (greedy would pick the biggest first)', () => {
    const candidates = [
      { group: 'G', value: 50 },
      { group: 'G', value: 45 },
      { group: 'H', value: 40 },
    ];
    // 0 and 2 compete for the same ¥60 line: together they save only 60.
    const evaluate = (selected: readonly number[]) =>
      selected.includes(0) && selected.includes(2) ? 60 : additive(candidates)(selected);
    expect(bestCombination(candidates, evaluate, 12)).toEqual([1, 2]);
    expect(bestCombination(candidates, evaluate, 2)).toEqual([0, 2]);
  });

  it('on a tie keeps the higher-ranked (lower index) candidate', () => {
    const candidates = [
      { group: 'G', value: 7 },
      { group: 'G', value: 7 },
    ];
    expect(bestCombination(candidates, additive(candidates), 12)).toEqual([0]);
  });

  it('matches brute force on random additive-with-overlap instances', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const candidates = Array.from({ length: 1 + rand(8) }, () => ({ group: rand(4) === 0 ? null : `g${rand(3)}`, value: 1 + rand(100) }));
      const penalty = rand(50);
      const evaluate = (selected: readonly number[]) => Math.max(0, additive(candidates)(selected) - (selected.length > 2 ? penalty : 0));
      let bruteBest = -1;
      for (let mask = 0; mask < 1 << candidates.length; mask++) {
        const selected = candidates.map((_, i) => i).filter((i) => mask & (1 << i));
        const groups = selected.map((i) => candidates[i]!.group).filter((g) => g !== null);
        if (new Set(groups).size !== groups.length) continue;
        if (candidates.some((c, i) => c.group === null && !selected.includes(i))) continue;
        bruteBest = Math.max(bruteBest, evaluate(selected));
      }
      expect(evaluate(bestCombination(candidates, evaluate, 12))).toBe(bruteBest);
    }
  });
});
