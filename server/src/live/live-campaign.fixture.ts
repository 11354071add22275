import type { Offer } from '@promo/shared';
import type { TestApp } from '../../test/test-app.js';
import { campaignDoc, publishCampaign } from '../orders/orders.fixtures.js';

const THRESHOLD: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };

/** Publishes a threshold campaign with a budget (and optional theme) through the campaigns API. */
export async function publishCampaignDoc(t: TestApp, id: string, options: { budget?: number; themeId?: string } = {}): Promise<void> {
  await publishCampaign(t, campaignDoc(id, THRESHOLD, t.clock.now(), { limits: options.budget === undefined ? {} : { budget: options.budget }, ...(options.themeId ? { themeId: options.themeId } : {}) }));
}
