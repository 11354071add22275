import { assignVariant, priceCart, type Campaign, type Cart, type Coupon, type QuoteResult, type UserContext } from '@promo/shared';
import type { Clock } from '../app/deps.js';
import type { CouponService } from '../coupons/coupon.service.js';
import type { LimitsStore } from '../limits/limits-store.js';
import type { MemberService } from '../members/member.service.js';
import type { UserProfiles } from '../users/user-profile.service.js';
import { redemptionSkusOf } from './campaign-limits.js';
import { buildCart } from './cart-builder.js';
import type { InventoryReader } from './inventory-reader.js';
import type { ThemeBudgets } from './theme-budgets.js';
import { readCounters } from './counter-reader.js';
import type { CatalogLookup, FlashReservationLookup, GroupMembershipLookup, LiveCampaignsView } from './pricing-ports.js';
import type { QuoteRequest } from './quote-request.schema.js';

/** One priced cart with what it was priced against (commit builds its limit plan from it). */
export interface Pricing {
  result: QuoteResult;
  cart: Cart;
  user: UserContext;
  nowMs: number;
  campaignsById: ReadonlyMap<string, Campaign>;
  themeBudgets: ReadonlyMap<string, number>;
}

export interface PricingService {
  /** Prices a request. `fresh`: user history read now, not from the cache (commit). Changes nothing. */
  price(request: QuoteRequest, options?: { fresh?: boolean }): Promise<Pricing>;
}

export interface PricingDeps {
  clock: Clock;
  live: LiveCampaignsView;
  catalog: CatalogLookup;
  inventory: InventoryReader;
  themes: ThemeBudgets;
  flash: FlashReservationLookup;
  groups: GroupMembershipLookup;
  limits: LimitsStore;
  coupons: CouponService;
  profiles: UserProfiles;
  members: Pick<MemberService, 'get'>;
}

/**
 * Quote = catalog facts + user history + counters + the selected coupons, then the shared engine.
 * Campaigns come from the in-memory snapshot (no SQL); catalog and profiles are cached.
 */
export function createPricingService(deps: PricingDeps): PricingService {
  let byIdVersion = -1;
  let byId = new Map<string, Campaign>();

  function campaignsById(snapshot: ReturnType<LiveCampaignsView['snapshot']>): ReadonlyMap<string, Campaign> {
    if (snapshot.version !== byIdVersion) {
      byId = new Map(snapshot.campaigns.map((c) => [c.id, c]));
      byIdVersion = snapshot.version;
    }
    return byId;
  }

  return {
    async price(request, options) {
      const nowMs = deps.clock.now();
      const snapshot = deps.live.snapshot();
      const couponIds = request.cart.couponIds;
      const [cart, profile, member, wallet, themeBudgets] = await Promise.all([
        buildCart(request, deps.catalog),
        deps.profiles.get(request.userId, options),
        deps.members.get(request.userId, options),
        couponIds.length > 0 ? deps.coupons.wallet(request.userId, couponIds) : Promise.resolve([]),
        deps.themes.get(options),
      ]);
      const user: UserContext = {
        userId: request.userId,
        tags: request.user.tags,
        segments: profile.segments,
        // The server's level, never the request's: a store cannot grant member benefits by saying so.
        memberLevel: member.level,
        isNewUser: profile.isNewUser,
        points: Math.max(0, member.points),
        region: request.region,
        channel: request.channel,
      };
      const tokens = cart.lines.flatMap((l) => (l.reservationToken ? [l.reservationToken] : []));
      const groupIds = cart.lines.flatMap((l) => (l.groupId ? [l.groupId] : []));
      const [counters, reservations, memberships] = await Promise.all([
        readCounters(
          { index: snapshot.index, cart, userId: request.userId, nowMs, themeBudgets, extraGiftSkus: redemptionSkusOf(snapshot.index, cart) },
          deps.limits,
          deps.inventory,
        ),
        tokens.length > 0 ? deps.flash.getValid(tokens) : Promise.resolve(new Map<string, never>()),
        groupIds.length > 0 ? deps.groups.getMemberships(request.userId, groupIds) : Promise.resolve(new Map<string, never>()),
      ]);
      // A reservation is only worth its flash price to the user who holds it.
      for (const [token, r] of reservations) {
        if (r.userId === request.userId) counters.flashReservations[token] = { campaignId: r.campaignId, sku: r.sku, quantity: r.quantity, price: r.price };
      }
      for (const [groupId, m] of memberships) counters.groups[groupId] = { campaignId: m.campaignId, isLeader: m.isLeader };
      const coupons: Coupon[] = wallet.map(({ name: _n, nameEn: _e, usedOrderId: _u, ...coupon }) => coupon);
      const result = priceCart({ cart, user, index: snapshot.index, counters, coupons, nowMs, assignVariant });
      return { result, cart, user, nowMs, campaignsById: campaignsById(snapshot), themeBudgets };
    },
  };
}
