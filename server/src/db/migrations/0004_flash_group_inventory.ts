import type { Knex } from 'knex';

/**
 * Flash-sale allocations and reservations, group buys, reported inventory and the outbox.
 * Epoch-ms BIGINT times and portable types only (runs on SQLite and MariaDB).
 */
export async function up(knex: Knex): Promise<void> {
  // One row per sale item once it was first warmed: the allocation a rebuild starts from.
  await knex.schema.createTable('flash_sale_items', (t) => {
    t.string('campaign_id', 64).notNullable();
    t.string('sku', 64).notNullable();
    t.integer('allocated').notNullable();
    t.bigInteger('warmed_at').notNullable();
    t.primary(['campaign_id', 'sku']);
  });

  await knex.schema.createTable('flash_reservations', (t) => {
    t.string('token', 255).notNullable().primary();
    t.string('campaign_id', 64).notNullable();
    t.string('sku', 64).notNullable();
    t.string('user_id', 64).notNullable();
    t.string('idempotency_key', 64).notNullable();
    t.integer('quantity').notNullable();
    t.bigInteger('price').notNullable();
    t.string('status', 16).notNullable();
    t.string('order_id', 64).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.unique(['campaign_id', 'sku', 'user_id', 'idempotency_key'], { indexName: 'flash_reservations_idem_unique' });
    t.index(['campaign_id', 'sku', 'status'], 'flash_reservations_item_status');
  });

  await knex.schema.createTable('inventory_levels', (t) => {
    t.string('sku', 64).notNullable().primary();
    t.integer('quantity').notNullable();
    t.bigInteger('reported_at').notNullable();
  });

  await knex.schema.createTable('outbox', (t) => {
    t.increments('id').primary();
    t.string('topic', 64).notNullable();
    t.string('dedupe_key', 191).notNullable().unique();
    t.text('payload', 'longtext').notNullable();
    t.string('status', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('next_attempt_at').notNullable();
    t.bigInteger('locked_until').nullable();
    t.string('last_error', 500).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('delivered_at').nullable();
    t.index(['status', 'next_attempt_at'], 'outbox_due');
  });

  await knex.schema.createTable('group_buys', (t) => {
    t.string('id', 64).notNullable().primary();
    t.string('campaign_id', 64).notNullable().index();
    t.string('sku', 64).notNullable();
    t.string('leader_user_id', 64).notNullable();
    t.string('share_code', 32).notNullable().unique();
    t.integer('size').notNullable();
    t.integer('member_count').notNullable();
    t.string('status', 16).notNullable();
    t.boolean('virtual_fill').notNullable().defaultTo(false);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('closed_at').nullable();
    t.index(['status', 'expires_at'], 'group_buys_due');
  });

  await knex.schema.createTable('group_members', (t) => {
    t.string('group_id', 64).notNullable();
    t.string('user_id', 64).notNullable();
    t.boolean('is_leader').notNullable().defaultTo(false);
    t.boolean('is_virtual').notNullable().defaultTo(false);
    t.bigInteger('joined_at').notNullable();
    t.bigInteger('released_at').nullable();
    t.primary(['group_id', 'user_id']);
    t.index(['user_id'], 'group_members_user');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['group_members', 'group_buys', 'outbox', 'inventory_levels', 'flash_reservations', 'flash_sale_items']) {
    await knex.schema.dropTableIfExists(table);
  }
}
