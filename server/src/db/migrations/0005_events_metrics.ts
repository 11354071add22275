import type { Knex } from 'knex';

/**
 * Store events (impressions, clicks, ...), the order facts the war room records at commit
 * (channel and region, which `orders` does not keep) and per-minute metric rollups per live room.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('events', (t) => {
    // The client's id: a replayed batch is ignored row by row.
    t.string('event_id', 64).primary();
    t.string('type', 16).notNullable();
    t.string('user_id', 64).notNullable();
    t.string('campaign_id', 64).nullable();
    t.string('theme_id', 64).nullable();
    t.string('sku', 64).nullable();
    t.bigInteger('amount').nullable();
    t.string('channel', 16).notNullable();
    t.string('region', 32).notNullable();
    t.bigInteger('at').notNullable();
    t.bigInteger('received_at').notNullable();
    t.index(['campaign_id', 'type', 'at']);
    t.index(['theme_id', 'type', 'at']);
    t.index(['user_id', 'at']);
  });

  await knex.schema.createTable('order_facts', (t) => {
    t.string('order_id', 64).primary();
    t.string('user_id', 64).notNullable();
    t.string('channel', 16).notNullable();
    t.string('region', 32).notNullable();
    t.bigInteger('subtotal').notNullable();
    t.bigInteger('discount').notNullable();
    t.bigInteger('total').notNullable();
    t.bigInteger('committed_at').notNullable();
    t.bigInteger('cancelled_at').nullable();
    t.index(['committed_at']);
    t.index(['user_id', 'committed_at']);
  });

  await knex.schema.createTable('metric_rollups', (t) => {
    // `campaign:<id>` or `theme:<id>`.
    t.string('room', 80).notNullable();
    t.bigInteger('minute').notNullable();
    t.bigInteger('gmv').notNullable().defaultTo(0);
    t.integer('orders').notNullable().defaultTo(0);
    t.bigInteger('discount').notNullable().defaultTo(0);
    t.integer('impressions').notNullable().defaultTo(0);
    t.integer('clicks').notNullable().defaultTo(0);
    t.integer('add_to_cart').notNullable().defaultTo(0);
    t.integer('failures').notNullable().defaultTo(0);
    t.primary(['room', 'minute']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['metric_rollups', 'order_facts', 'events']) await knex.schema.dropTableIfExists(table);
}
