/** One order-stage candidate as the search sees it. */
export interface CombinationCandidate {
  /** Exclusion group: at most one candidate per group; `null` = combines with everything. */
  readonly group: string | null;
  /** What the candidate saves on its own (orders the greedy fallback). */
  readonly value: number;
}

/**
 * Depth-first over one choice per group (a member or none), seeded with the greedy answer and
 * pruned by an upper bound: a candidate never saves more inside a combination than on its own
 * (amounts only go down, floors and used gift stock only up), so the sum of standalone values
 * bounds every completion. Usually the seed is optimal and almost every branch is cut at once.
 */
function exactSearch(candidates: readonly CombinationCandidate[], evaluate: (selected: readonly number[]) => number): number[] {
  const always: number[] = [];
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.group === null) always.push(i);
    else groups.set(c.group, [...(groups.get(c.group) ?? []), i]);
  });
  const valueOf = (i: number): number => candidates[i]!.value;
  const choices = [...groups.values()]
    .map((members) => ({ members, max: Math.max(...members.map(valueOf)) }))
    .sort((x, y) => y.max - x.max);
  const boundFrom: number[] = new Array<number>(choices.length + 1).fill(0);
  for (let d = choices.length - 1; d >= 0; d--) boundFrom[d] = boundFrom[d + 1]! + choices[d]!.max;
  const alwaysValue = always.reduce((sum, i) => sum + valueOf(i), 0);
  let best = greedy(candidates);
  let bestValue = evaluate(best);
  const picked: number[] = [];
  const walk = (depth: number, pickedValue: number): void => {
    if (alwaysValue + pickedValue + boundFrom[depth]! <= bestValue) return;
    if (depth === choices.length) {
      const selected = [...always, ...picked].sort((x, y) => x - y);
      const value = evaluate(selected);
      if (value > bestValue) {
        bestValue = value;
        best = selected;
      }
      return;
    }
    for (const member of choices[depth]!.members) {
      picked.push(member);
      walk(depth + 1, pickedValue + valueOf(member));
      picked.pop();
    }
    walk(depth + 1, pickedValue);
  };
  walk(0, 0);
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
 * candidate per exclusion group. Exact (branch and bound over every choice per group) when there
 * are at most `exactLimit` candidates; greedy above. On ties the greedy answer, then the
 * combination found first (higher-ranked members first), is kept.
 */
export function bestCombination(
  candidates: readonly CombinationCandidate[],
  evaluate: (selected: readonly number[]) => number,
  exactLimit: number,
): number[] {
  if (candidates.length === 0) return [];
  return candidates.length <= exactLimit ? exactSearch(candidates, evaluate) : greedy(candidates);
}
