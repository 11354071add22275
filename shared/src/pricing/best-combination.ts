/** One order-stage candidate as the search sees it. */
export interface CombinationCandidate {
  /** Exclusion group: at most one candidate per group; `null` = combines with everything. */
  readonly group: string | null;
  /** What the candidate saves on its own (orders the greedy fallback). */
  readonly value: number;
}

function exactSearch(candidates: readonly CombinationCandidate[], evaluate: (selected: readonly number[]) => number): number[] {
  const always: number[] = [];
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.group === null) always.push(i);
    else groups.set(c.group, [...(groups.get(c.group) ?? []), i]);
  });
  const choices = [...groups.values()].map((members) => [...members, -1]);
  let best: number[] = always;
  let bestValue = -1;
  const picked: number[] = [];
  const walk = (depth: number): void => {
    if (depth === choices.length) {
      const selected = [...always, ...picked.filter((i) => i >= 0)].sort((x, y) => x - y);
      const value = evaluate(selected);
      if (value > bestValue) {
        bestValue = value;
        best = selected;
      }
      return;
    }
    for (const choice of choices[depth]!) {
      picked.push(choice);
      walk(depth + 1);
      picked.pop();
    }
  };
  walk(0);
  return best;
}

/**
 * Greedy fallback past the exact-search bound: take candidates by standalone value (ties: lower
 * index = higher rank) while their group is free. Not optimal when campaigns compete for the same
 * lines' headroom, which is why it only runs when exact search would be too slow.
 */
function greedy(candidates: readonly CombinationCandidate[]): number[] {
  const order = candidates.map((c, i) => ({ c, i })).sort((x, y) => y.c.value - x.c.value || x.i - y.i);
  const taken = new Set<string>();
  const selected: number[] = [];
  for (const { c, i } of order) {
    if (c.group !== null) {
      if (taken.has(c.group)) continue;
      taken.add(c.group);
    }
    selected.push(i);
  }
  return selected.sort((x, y) => x - y);
}

/**
 * The indexes (ascending) of the combination with the largest `evaluate` value, with at most one
 * candidate per exclusion group. Exact over every choice per group when there are at most
 * `exactLimit` candidates (≤ 4,096 combinations at 12); greedy above. Ties keep the combination
 * found first, which prefers higher-ranked members of each group.
 */
export function bestCombination(
  candidates: readonly CombinationCandidate[],
  evaluate: (selected: readonly number[]) => number,
  exactLimit: number,
): number[] {
  if (candidates.length === 0) return [];
  return candidates.length <= exactLimit ? exactSearch(candidates, evaluate) : greedy(candidates);
}
