import { auditModule } from '../audit/audit.routes.js';
import { authModule } from '../auth/auth.routes.js';
import { campaignsModule } from '../campaigns/campaigns.routes.js';
import { catalogModule } from '../catalog/catalog.routes.js';
import { schedulerModule } from '../scheduler/scheduler.module.js';
import { syncModule } from '../sync/sync.routes.js';
import { themesModule } from '../themes/themes.routes.js';
import { pricingModule } from '../pricing/pricing.module.js';
import { flashSaleModule } from '../flash-sale/flash-sale.module.js';
import { inventoryModule } from '../inventory/inventory.module.js';
import { groupBuyModule } from '../group-buy/group-buy.module.js';
import { defaultLiveModule } from '../live/live.module.js';
import { analyticsModule } from '../analytics/analytics.module.js';
import { warroomPageModule } from '../warroom-page/warroom-page.module.js';
import type { ModuleFactory } from './module.types.js';

/**
 * Every module of the API, mounted under /api/v1 in this order and started in this order
 * (closed in reverse). Append new modules here.
 */
export const modules: readonly ModuleFactory[] = [
  authModule,
  pricingModule,
  catalogModule,
  themesModule,
  campaignsModule,
  syncModule,
  auditModule,
  schedulerModule,
  flashSaleModule(),
  inventoryModule(),
  groupBuyModule(),
  defaultLiveModule,
  analyticsModule,
  warroomPageModule,
];
