import type { Stores } from '../stores/stores.types.js';

/** Pub/sub channel announcing that the set of running campaigns (or a status) changed. */
export const CAMPAIGNS_CHANGED = 'campaigns:changed';

/** Tells every instance (this one included) to reload its live campaigns. Sent after commit. */
export async function announceCampaignsChanged(stores: Pick<Stores, 'pubsub'>, campaignId: string, at: number): Promise<void> {
  await stores.pubsub.publish(CAMPAIGNS_CHANGED, JSON.stringify({ campaignId, at }));
}
