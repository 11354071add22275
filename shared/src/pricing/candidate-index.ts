import type { Campaign, CampaignKind, Experiment } from '../campaign/campaign.schema.js';
import { OfferSchema, type Offer } from '../campaign/offer.schema.js';
import type { Cart } from '../cart/cart.schema.js';
import type { CompiledGraph } from '../rule-graph/evaluator.types.js';
import { compileGraph } from '../rule-graph/compile-graph.js';
import { compileSchedule, type CompiledSchedule } from '../schedule/schedule.js';
import { createScopeMatcher, type ScopeMatcher } from './scope-matcher.js';
import { createZoneClock, type ZoneClock } from './zone-clock.js';

/** Item-stage kinds change unit prices; order-stage kinds act on the post-item subtotal. */
export type PricingStage = 'item' | 'order';

const STAGE_BY_KIND: Readonly<Record<CampaignKind, PricingStage>> = {
  percent_off: 'item',
  flash_sale: 'item',
  group_buy: 'item',
  member: 'item',
  threshold_off: 'order',
  gift: 'order',
  new_user: 'order',
};

/** Statuses worth indexing: `scheduled` ones are kept so the cart can say `outside_window`. */
const PRICED_STATUSES = new Set(['live', 'scheduled']);

/** A campaign's limits with `Infinity` for "no limit", so the hot path compares numbers only. */
export interface FlatLimits {
  readonly budget: number;
  readonly usageCap: number;
  readonly perUserTotal: number;
  readonly perUserDaily: number;
  readonly perSkuPerOrder: number;
  readonly perSkuPerUser: number;
}

/**
 * A campaign prepared once for pricing: compiled graph, scope sets, parsed window, variant offers,
 * and the fields the hot path reads copied flat, so every entry has one shape (campaign documents
 * differ in which optional fields they carry, which makes property reads on them polymorphic).
 */
export interface IndexedCampaign {
  readonly campaign: Campaign;
  readonly id: string;
  readonly kind: CampaignKind;
  readonly timezone: string;
  readonly exclusive: boolean;
  /** The order-stage exclusion group key (`group:<name>`, `exclusive` for the implicit one) or null. */
  readonly group: string | null;
  readonly excludeDiscountedLines: boolean;
  readonly minMargin: number | undefined;
  readonly limits: FlatLimits;
  readonly experiment: Experiment | null;
  /** Position in priority order (priority desc, then id): lower ranks apply first. */
  readonly rank: number;
  readonly stage: PricingStage;
  readonly graph: CompiledGraph;
  readonly scope: ScopeMatcher;
  /** When every offer names its SKUs (flash, group, member price, buy-N-get-M), those SKUs; else null. */
  readonly offerSkus: ReadonlySet<string> | null;
  /** True when every line the index finds for the campaign is in its scope (no exclusions to re-check). */
  readonly hitsAreExact: boolean;
  /** The campaign's window and recurrence, compiled once. */
  readonly schedule: CompiledSchedule;
  /** Offers by node id for a variant key (`null` = no experiment / no override). */
  offersFor(variantKey: string | null): ReadonlyMap<string, Offer>;
}

/** Live campaigns indexed by what they can target, so a cart touches only campaigns that could apply. */
export interface CampaignIndex {
  readonly campaigns: readonly IndexedCampaign[];
  /** Indexed campaigns by id (points redemptions name their campaign). */
  readonly byId: ReadonlyMap<string, IndexedCampaign>;
  readonly bySku: ReadonlyMap<string, readonly IndexedCampaign[]>;
  readonly byCategory: ReadonlyMap<string, readonly IndexedCampaign[]>;
  readonly storewide: readonly IndexedCampaign[];
  /** Campaigns left out because their graph or a variant override is invalid. */
  readonly rejected: ReadonlyArray<{ campaignId: string; message: string }>;
  /** Zone offsets memoised for every quote priced against this index. */
  readonly clock: ZoneClock;
}

function skusOf(offer: Offer): readonly string[] | null {
  switch (offer.kind) {
    case 'flash_sale':
    case 'group_buy':
      return offer.items.map((i) => i.sku);
    case 'member':
      return offer.benefit.type === 'price' ? offer.benefit.items.map((i) => i.sku) : null;
    case 'gift':
      return offer.mode === 'buy_n_get_m' ? [...offer.buySkus, ...offer.getSkus] : null;
    default:
      return null;
  }
}

function variantOffers(campaign: Campaign, base: ReadonlyMap<string, Offer>): Map<string, ReadonlyMap<string, Offer>> {
  const byVariant = new Map<string, ReadonlyMap<string, Offer>>();
  for (const variant of campaign.experiment?.variants ?? []) {
    const offers = new Map(base);
    for (const [nodeId, override] of Object.entries(variant.overrides)) {
      const offer = base.get(nodeId);
      if (!offer) throw new Error(`variant ${variant.key} overrides unknown offer node ${nodeId}`);
      const merged = OfferSchema.safeParse({ ...offer, ...override, kind: offer.kind });
      if (!merged.success) throw new Error(`variant ${variant.key} override of ${nodeId} is not a valid offer`);
      offers.set(nodeId, merged.data);
    }
    byVariant.set(variant.key, offers);
  }
  return byVariant;
}

function prepare(campaign: Campaign, rank: number): IndexedCampaign {
  const graph = compileGraph(campaign.graph, campaign.kind);
  const base = new Map(graph.offers.map((o) => [o.nodeId, o.offer] as const));
  const byVariant = variantOffers(campaign, base);
  let offerSkus: Set<string> | null = new Set<string>();
  for (const offers of [base, ...byVariant.values()]) {
    for (const offer of offers.values()) {
      const skus = skusOf(offer);
      if (skus === null) offerSkus = null;
      else if (offerSkus) for (const sku of skus) offerSkus.add(sku);
    }
  }
  const scope = campaign.scope;
  const hasExclusions = scope.excludeSkus.length > 0 || scope.excludeCategoryIds.length > 0;
  const { stacking, limits } = campaign;
  return {
    campaign,
    id: campaign.id,
    kind: campaign.kind,
    timezone: campaign.schedule.timezone,
    exclusive: stacking.mode === 'exclusive',
    group: stacking.exclusionGroup !== undefined ? `group:${stacking.exclusionGroup}` : stacking.mode === 'exclusive' ? 'exclusive' : null,
    excludeDiscountedLines: stacking.excludeDiscountedLines,
    minMargin: campaign.minMargin,
    limits: {
      budget: limits.budget ?? Infinity,
      usageCap: limits.usageCap ?? Infinity,
      perUserTotal: limits.perUserTotal ?? Infinity,
      perUserDaily: limits.perUserDaily ?? Infinity,
      perSkuPerOrder: limits.perSkuPerOrder ?? Infinity,
      perSkuPerUser: limits.perSkuPerUser ?? Infinity,
    },
    experiment: campaign.experiment ?? null,
    rank,
    hitsAreExact: !hasExclusions && (offerSkus === null || scope.type === 'storewide'),
    stage: STAGE_BY_KIND[campaign.kind],
    graph,
    scope: createScopeMatcher(scope),
    offerSkus,
    schedule: compileSchedule(campaign.schedule),
    offersFor: (variantKey) => (variantKey === null ? base : (byVariant.get(variantKey) ?? base)),
  };
}

function push(map: Map<string, IndexedCampaign[]>, key: string, entry: IndexedCampaign): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/**
 * Compiles every live or scheduled campaign once and indexes it by the SKUs, categories or
 * storewide scope it can target. The index is immutable: the server rebuilds it on publish.
 */
export function createCampaignIndex(campaigns: readonly Campaign[]): CampaignIndex {
  const ordered = campaigns
    .filter((c) => PRICED_STATUSES.has(c.status))
    .toSorted((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prepared: IndexedCampaign[] = [];
  const rejected: Array<{ campaignId: string; message: string }> = [];
  for (const campaign of ordered) {
    try {
      prepared.push(prepare(campaign, prepared.length));
    } catch (error) {
      rejected.push({ campaignId: campaign.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const bySku = new Map<string, IndexedCampaign[]>();
  const byCategory = new Map<string, IndexedCampaign[]>();
  const storewide: IndexedCampaign[] = [];
  for (const entry of prepared) {
    if (entry.offerSkus) for (const sku of entry.offerSkus) push(bySku, sku, entry);
    else if (entry.scope.type === 'items') for (const sku of entry.scope.skus) push(bySku, sku, entry);
    else if (entry.scope.type === 'categories') for (const c of entry.scope.categoryIds) push(byCategory, c, entry);
    else storewide.push(entry);
  }
  return { campaigns: prepared, byId: new Map(prepared.map((e) => [e.id, e])), bySku, byCategory, storewide, rejected, clock: createZoneClock() };
}

/** A campaign the index found for a cart, with the indexes of the lines that led to it (ascending). */
export interface CandidateHit {
  readonly entry: IndexedCampaign;
  readonly lineIndexes: readonly number[];
}

/**
 * The campaigns that could target some line of `cart`, in rank order, each with the lines that
 * matched its index keys: hash lookups per line, no scan of the whole index.
 */
export function findCandidates(index: CampaignIndex, cart: Cart): CandidateHit[] {
  // Slots by rank: hits come out in rank order without sorting campaigns, and no hashing per hit.
  const linesByRank: Array<number[] | undefined> = new Array<number[] | undefined>(index.campaigns.length);
  const ranks: number[] = [];
  const { lines } = cart;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bySku = index.bySku.get(line.sku);
    const groups = bySku ? [bySku] : [];
    for (const categoryId of line.categoryIds) {
      const byCategory = index.byCategory.get(categoryId);
      if (byCategory) groups.push(byCategory);
    }
    for (const group of groups) {
      for (const entry of group) {
        const hits = linesByRank[entry.rank];
        if (hits === undefined) {
          linesByRank[entry.rank] = [i];
          ranks.push(entry.rank);
        } else if (hits[hits.length - 1] !== i) hits.push(i);
      }
    }
  }
  const all = lines.map((_, i) => i);
  for (const entry of index.storewide) {
    if (linesByRank[entry.rank] === undefined) ranks.push(entry.rank);
    linesByRank[entry.rank] = all;
  }
  ranks.sort((a, b) => a - b);
  return ranks.map((rank) => ({ entry: index.campaigns[rank]!, lineIndexes: linesByRank[rank]! }));
}
