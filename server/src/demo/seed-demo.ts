import type { AppDeps } from '../app/deps.js';
import { createLifecycleService } from '../campaigns/campaign-lifecycle.service.js';
import { createCampaignService } from '../campaigns/campaign.service.js';
import { upsertCategories, upsertItems } from '../catalog/catalog.repo.js';
import { createCouponService } from '../coupons/coupon.service.js';
import { createMemberService } from '../members/member.service.js';
import { getThemeRow } from '../themes/theme.repo.js';
import { createThemeService } from '../themes/theme.service.js';
import { DEMO_NEW_USER_TEMPLATES, DEMO_THEME_ID, demoCampaigns, demoTheme } from './demo-campaigns.js';
import { demoCategories, demoItems } from './demo-catalog.js';

const ACTOR = 'demo';

/**
 * Demo members: quotes use the server's member level (the request's is ignored), so the member-day
 * campaign (level 2+) and its points exchange need member rows. Level 3 with 5,000 points each.
 */
export const DEMO_MEMBERS: readonly string[] = ['u-member-1', 'u-member-2', 'u-member-3'];
const DEMO_MEMBER_LEVEL = 3;
const DEMO_MEMBER_POINTS = 5_000;

/**
 * Loads the demo: a 500-SKU grocery catalog, a festival theme around today, one published, live
 * campaign of every kind and a few members (`DEMO_MEMBERS`). Runs once: a database that has the
 * demo theme is left alone.
 */
export async function seedDemo(deps: AppDeps): Promise<void> {
  if (await getThemeRow(deps.db, DEMO_THEME_ID)) return;
  const now = deps.clock.now();
  await deps.db.transaction(async (trx) => {
    await upsertCategories(trx, demoCategories());
    await upsertItems(trx, demoItems(), now);
  });
  const coupons = createCouponService(deps.db, deps.clock);
  for (const template of DEMO_NEW_USER_TEMPLATES) {
    await coupons.createTemplate({ ...template, scope: { type: 'storewide', skus: [], categoryIds: [], excludeSkus: [], excludeCategoryIds: [] }, stackable: false, validity: { type: 'days', days: 30 } }, ACTOR);
  }
  const campaigns = createCampaignService(deps);
  const lifecycle = createLifecycleService(deps);
  await createThemeService(deps).create(demoTheme(now), ACTOR);
  for (const campaign of demoCampaigns(now)) {
    await campaigns.create(campaign, ACTOR);
    await lifecycle.apply(campaign.id, 'publish', ACTOR);
  }
  const members = createMemberService(deps.db, deps.clock);
  for (const userId of DEMO_MEMBERS) {
    await members.setLevel(userId, DEMO_MEMBER_LEVEL, ACTOR);
    // The adjustment id makes a re-run count once (the ledger keeps the balance explained).
    await members.adjust(userId, { delta: DEMO_MEMBER_POINTS, note: 'demo seed', adjustmentId: `demo-seed-${userId}` }, ACTOR);
  }
  deps.logger.info({ theme: DEMO_THEME_ID, members: DEMO_MEMBERS.length }, 'demo catalog, theme, campaigns and members loaded');
}
