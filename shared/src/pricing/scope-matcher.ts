import type { Scope } from '../campaign/campaign.schema.js';
import type { CartLine } from '../cart/cart.schema.js';

/** A {@link Scope} turned into sets once, so matching a line is a few hash lookups. */
export interface ScopeMatcher {
  readonly type: Scope['type'];
  readonly skus: ReadonlySet<string>;
  readonly categoryIds: ReadonlySet<string>;
  matches(line: Pick<CartLine, 'sku' | 'categoryIds'>): boolean;
}

/** Builds the matcher; exclusions win over inclusions, categories match any ancestor of the line. */
export function createScopeMatcher(scope: Scope): ScopeMatcher {
  const skus = new Set(scope.skus);
  const categoryIds = new Set(scope.categoryIds);
  const excludeSkus = new Set(scope.excludeSkus);
  const excludeCategoryIds = new Set(scope.excludeCategoryIds);
  const hasExclusions = excludeSkus.size > 0 || excludeCategoryIds.size > 0;
  const included = (line: Pick<CartLine, 'sku' | 'categoryIds'>): boolean => {
    if (scope.type === 'storewide') return true;
    if (scope.type === 'items') return skus.has(line.sku);
    return line.categoryIds.some((c) => categoryIds.has(c));
  };
  return {
    type: scope.type,
    skus,
    categoryIds,
    matches(line) {
      if (!included(line)) return false;
      if (!hasExclusions) return true;
      return !excludeSkus.has(line.sku) && !line.categoryIds.some((c) => excludeCategoryIds.has(c));
    },
  };
}
