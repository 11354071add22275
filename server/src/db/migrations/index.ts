import type { Knex } from 'knex';
import * as core from './0001_core.js';
import * as catalogCampaigns from './0002_catalog_campaigns.js';
import * as ordersCoupons from './0003_orders_coupons.js';
import * as flashGroupInventory from './0004_flash_group_inventory.js';
import * as eventsMetrics from './0005_events_metrics.js';
import * as membersPoints from './0006_members_points.js';
import * as orderOrigin from './0007_order_origin.js';

/** One migration: a name (sorted, never renamed) and its up/down. */
export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Every migration, in order. The same list runs on SQLite and MariaDB, so use only portable
 * schema-builder calls: epoch-ms `bigInteger` timestamps, JSON in `text(…, 'longtext')`.
 * Append new ones at the end.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_core', up: core.up, down: core.down },
  { name: '0002_catalog_campaigns', up: catalogCampaigns.up, down: catalogCampaigns.down },
  { name: '0003_orders_coupons', up: ordersCoupons.up, down: ordersCoupons.down },
  { name: '0004_flash_group_inventory', up: flashGroupInventory.up, down: flashGroupInventory.down },
  { name: '0005_events_metrics', up: eventsMetrics.up, down: eventsMetrics.down },
  { name: '0006_members_points', up: membersPoints.up, down: membersPoints.down },
  { name: '0007_order_origin', up: orderOrigin.up, down: orderOrigin.down },
];
