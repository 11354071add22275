import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { createCatalogReader } from '../catalog/catalog-reader.js';
import { addCouponRoutes } from '../coupons/coupons.routes.js';
import { createCouponService } from '../coupons/coupon.service.js';
import { createLimitsStore } from '../limits/create-limits-store.js';
import { createMemberService } from '../members/member.service.js';
import { addMemberRoutes } from '../members/members.routes.js';
import { reconcileStaleClaims } from '../orders/order-reconciler.js';
import { createOrderService } from '../orders/order.service.js';
import { addOrderRoutes } from '../orders/orders.routes.js';
import { createLiveOrderObserver } from '../orders/order-observer.js';
import { createRegistrationService } from '../users/registration.service.js';
import { createUserProfiles } from '../users/user-profile.service.js';
import { createFlashReservationReader } from '../flash-sale/flash-reservation-reader.js';
import { createGroupReader } from '../group-buy/group-reader.js';
import { addUserRoutes } from '../users/users.routes.js';
import { createInventoryReader } from './inventory-reader.js';
import { createPricingService } from './pricing.service.js';
import { addQuoteRoutes } from './quote.routes.js';
import { createThemeBudgets } from './theme-budgets.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * Quote, order commit/cancel, coupons, registrations and members: one module because they share the limits
 * store, the caches and the live campaign snapshot.
 */
export const pricingModule: ModuleFactory = (deps, ctx) => {
  const logger = deps.logger.child({ module: 'pricing' });
  const live = ctx.liveCampaigns();
  const catalog = createCatalogReader(deps.db, { pubsub: deps.stores.pubsub });
  const inventory = createInventoryReader(deps.db);
  const limits = createLimitsStore(deps);
  const themes = createThemeBudgets(deps.db);
  const coupons = createCouponService(deps.db, deps.clock);
  const profiles = createUserProfiles(deps.db, deps.clock);
  const members = createMemberService(deps.db, deps.clock);
  const pricing = createPricingService({
    clock: deps.clock,
    live,
    catalog,
    inventory,
    themes,
    limits,
    coupons,
    profiles,
    members,
    flash: createFlashReservationReader(deps),
    groups: createGroupReader(deps),
  });
  const orders = createOrderService({ db: deps.db, clock: deps.clock, logger, pointsPerYuanPaid: deps.config.POINTS_EARN_PER_YUAN, limits, pricing, inventory, profiles, members, coupons });
  const registration = createRegistrationService({ db: deps.db, clock: deps.clock, live, coupons });

  const routes = createRouteBuilder(ctx.openapi);
  addQuoteRoutes(routes, pricing);
  addOrderRoutes(routes, orders, createLiveOrderObserver(deps));
  addCouponRoutes(routes, coupons);
  addUserRoutes(routes, registration);
  addMemberRoutes(routes, members);

  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    reconcileStaleClaims({ db: deps.db, clock: deps.clock, limits, logger }).catch((err: unknown) => logger.error({ err }, 'stale claim sweep failed'));
  };

  return {
    name: 'pricing',
    router: routes.router,
    routeTable: routes.routeTable,
    async start() {
      await catalog.start();
      sweep();
      sweeper = setInterval(sweep, SWEEP_EVERY_MS);
      sweeper.unref();
    },
    async close() {
      if (sweeper) clearInterval(sweeper);
      await catalog.close();
    },
  };
};
