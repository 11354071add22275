import type { Knex } from 'knex';

/** Users, sessions, API keys, the audit log and the sync sequence. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.string('id', 64).primary();
    t.string('username', 128).notNullable().unique();
    t.string('password_hash', 255).notNullable();
    t.string('role', 32).notNullable();
    t.string('display_name', 255).notNullable();
    t.string('locale', 16).notNullable().defaultTo('zh-CN');
    t.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('sessions', (t) => {
    t.string('token_hash', 64).primary();
    t.string('user_id', 64).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.index(['user_id']);
    t.index(['expires_at']);
  });

  await knex.schema.createTable('api_keys', (t) => {
    t.string('id', 64).primary();
    t.string('name', 255).notNullable();
    t.string('prefix', 32).notNullable();
    t.string('key_hash', 64).notNullable().unique();
    t.text('scopes', 'longtext').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('revoked_at').nullable();
    t.index(['prefix']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id').primary();
    t.string('actor', 128).notNullable();
    t.string('action', 64).notNullable();
    t.string('entity_type', 64).notNullable();
    t.string('entity_id', 128).notNullable();
    t.text('diff', 'longtext').nullable();
    t.bigInteger('at').notNullable();
    t.index(['entity_type', 'entity_id']);
    t.index(['at']);
  });

  // A single-row counter: incrementing it takes a row lock held until commit, so sequence
  // numbers become visible in commit order (see db/sync-seq.ts).
  await knex.schema.createTable('sync_seq', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable();
  });
  await knex('sync_seq').insert({ id: 1, value: 0 });

  await knex.schema.createTable('sync_changes', (t) => {
    t.bigInteger('seq').primary();
    t.string('entity_type', 64).notNullable();
    t.string('entity_id', 128).notNullable();
    t.integer('version').notNullable();
    t.boolean('deleted').notNullable().defaultTo(false);
    t.bigInteger('at').notNullable();
    t.index(['entity_type', 'entity_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['sync_changes', 'sync_seq', 'audit_log', 'api_keys', 'sessions', 'users']) {
    await knex.schema.dropTableIfExists(table);
  }
}
