import type { BasisPoints } from '@promo/shared';

/** "33.33" (%) → 3333 bp by string arithmetic; null unless 0–100 with at most two decimals. */
export function parsePercentToBp(text: string): BasisPoints | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/%$/, ''));
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 3333 bp → "33.33", 5000 → "50". */
export function bpToPercentText(bp: BasisPoints): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Total of variant weights plus holdout, and the share still unassigned (negative = over 100%). */
export function weightBalance(weights: readonly BasisPoints[], holdout: BasisPoints): { total: BasisPoints; remaining: number } {
  const total = weights.reduce((a, w) => a + w, 0) + holdout;
  return { total, remaining: 10_000 - total };
}

/** Splits 100% minus the holdout evenly over `count` variants (the first ones take the remainder). */
export function evenWeights(count: number, holdout: BasisPoints): BasisPoints[] {
  if (count <= 0) return [];
  const available = 10_000 - holdout;
  const each = Math.floor(available / count);
  return Array.from({ length: count }, (_, i) => each + (i < available - each * count ? 1 : 0));
}
