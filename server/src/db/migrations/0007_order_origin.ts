import type { Knex } from 'knex';

/**
 * Where an order came from (channel, province), on the order row its commit writes first: a cancel
 * served by any instance takes the war room's channel/region split back from the same keys at once,
 * without waiting for the committing instance's order fact to reach SQL (docs/adr/live-war-room.md).
 * Nullable: orders committed before this migration fall back to their order fact.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.string('channel', 16).nullable();
    t.string('province', 16).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropColumn('channel');
    t.dropColumn('province');
  });
}
