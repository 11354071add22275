import type { Knex } from 'knex';

/**
 * Members (level and points balance, kept by the server so a quote cannot claim benefits) and the
 * points ledger: every change of a balance is one row, and `(order_id, reason)` is unique so an
 * order earns, redeems, releases and reverses at most once (docs/adr/members-and-points.md).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('members', (t) => {
    t.string('user_id', 64).primary();
    t.integer('level').notNullable().defaultTo(0);
    // May go below 0 only when a cancel takes back earned points the member already spent.
    t.bigInteger('points').notNullable().defaultTo(0);
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('points_ledger', (t) => {
    t.bigIncrements('id').primary();
    t.string('user_id', 64).notNullable();
    // The order for earn/redeem/release/reverse; the caller's adjustment id (or null) for adjust.
    t.string('order_id', 64).nullable();
    t.bigInteger('delta').notNullable();
    t.string('reason', 16).notNullable();
    t.string('note', 200).nullable();
    t.bigInteger('created_at').notNullable();
    t.unique(['order_id', 'reason']);
    t.index(['user_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['points_ledger', 'members']) await knex.schema.dropTableIfExists(table);
}
