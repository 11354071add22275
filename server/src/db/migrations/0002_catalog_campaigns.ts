import type { Knex } from 'knex';

/**
 * Catalog, campaigns, themes and their published versions. Times are epoch ms BIGINTs and
 * documents are JSON text, so the same migration runs on SQLite and MariaDB.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('categories', (t) => {
    t.string('id', 64).primary();
    t.string('parent_id', 64).nullable().index();
    t.string('name', 120).notNullable();
    t.string('name_en', 120).nullable();
    t.integer('sort').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('catalog_items', (t) => {
    t.string('sku', 64).primary();
    t.string('name', 200).notNullable();
    t.string('name_en', 200).nullable();
    t.string('category_id', 64).notNullable().index();
    t.bigInteger('price').notNullable();
    t.bigInteger('cost').nullable();
    t.string('unit', 32).notNullable().defaultTo('件');
    t.string('barcode', 64).nullable().index();
    t.integer('inventory').notNullable().defaultTo(0);
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('themes', (t) => {
    t.string('id', 64).primary();
    t.string('name', 120).notNullable();
    t.string('name_en', 120).nullable();
    t.bigInteger('start_time').notNullable();
    t.bigInteger('end_time').notNullable();
    t.bigInteger('budget').nullable();
    t.text('doc', 'longtext').notNullable();
    t.integer('version').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.string('updated_by', 64).notNullable();
    t.boolean('deleted').notNullable().defaultTo(false);
  });

  await knex.schema.createTable('promotion', (t) => {
    t.string('id', 64).primary();
    t.string('name', 120).notNullable();
    t.string('name_en', 120).nullable();
    t.string('type', 32).notNullable();
    t.string('status', 16).notNullable();
    t.bigInteger('start_time').notNullable();
    t.bigInteger('end_time').notNullable();
    // The working document (what the studio edits); the running one is in campaign_versions.
    t.text('rules', 'longtext').notNullable();
    t.integer('version').notNullable();
    t.integer('published_version').nullable();
    t.string('theme_id', 64).nullable().index();
    t.integer('priority').notNullable().defaultTo(100);
    t.string('stacking', 16).notNullable().defaultTo('exclusive');
    t.bigInteger('budget').nullable();
    t.string('created_by', 64).notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.string('updated_by', 64).notNullable();
    t.boolean('deleted').notNullable().defaultTo(false);
    t.index(['status', 'deleted']);
    t.index(['start_time', 'end_time']);
  });

  await knex.schema.createTable('promotion_items', (t) => {
    t.increments('id').primary();
    t.string('promotion_id', 64).notNullable().index();
    t.string('item_id', 64).notNullable().index();
    t.bigInteger('discount').nullable();
    t.integer('limit').nullable();
    t.bigInteger('price').nullable();
    t.integer('stock').nullable();
  });

  await knex.schema.createTable('campaign_versions', (t) => {
    t.string('campaign_id', 64).notNullable();
    t.integer('version').notNullable();
    t.text('doc', 'longtext').notNullable();
    t.bigInteger('published_at').notNullable();
    t.string('published_by', 64).notNullable();
    t.primary(['campaign_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['campaign_versions', 'promotion_items', 'promotion', 'themes', 'catalog_items', 'categories']) {
    await knex.schema.dropTableIfExists(table);
  }
}
