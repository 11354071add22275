import type { Knex } from 'knex';

/**
 * Orders (the durable commit record), promotion participation, coupons and the SQL limit
 * counters used by the embedded backend. Times are epoch-ms BIGINTs, documents JSON text.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders', (t) => {
    t.string('order_id', 64).primary();
    t.string('user_id', 64).notNullable();
    t.string('status', 16).notNullable();
    t.bigInteger('subtotal').notNullable();
    t.bigInteger('discount').notNullable();
    t.bigInteger('total').notNullable();
    t.text('result', 'longtext').notNullable();
    // What commit consumed, so cancel releases exactly that (see docs/adr/commit-atomicity.md).
    t.text('limits_plan', 'longtext').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('cancelled_at').nullable();
    t.index(['user_id', 'status']);
    t.index(['created_at']);
  });

  await knex.schema.createTable('promotion_records', (t) => {
    t.bigIncrements('id').primary();
    t.string('user_id', 64).notNullable();
    t.string('promotion_id', 64).notNullable();
    t.string('order_id', 64).notNullable();
    t.bigInteger('create_time').notNullable();
    t.bigInteger('discount').notNullable();
    t.string('variant', 32).nullable();
    t.index(['promotion_id', 'create_time']);
    t.index(['order_id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('coupon_templates', (t) => {
    t.string('id', 64).primary();
    t.string('name', 120).notNullable();
    t.string('name_en', 120).nullable();
    t.string('type', 16).notNullable();
    t.bigInteger('off').nullable();
    t.integer('pay_rate').nullable();
    t.bigInteger('max_discount').nullable();
    t.bigInteger('min_spend').notNullable().defaultTo(0);
    t.text('scope', 'longtext').notNullable();
    t.boolean('stackable').notNullable().defaultTo(false);
    t.integer('validity_days').nullable();
    t.bigInteger('valid_from').nullable();
    t.bigInteger('valid_to').nullable();
    t.integer('total_quantity').nullable();
    t.integer('issued_count').notNullable().defaultTo(0);
    t.integer('per_user_limit').nullable();
    t.bigInteger('created_at').notNullable();
    t.string('created_by', 64).notNullable();
  });

  await knex.schema.createTable('coupons', (t) => {
    t.string('id', 64).primary();
    t.string('template_id', 64).notNullable().references('id').inTable('coupon_templates');
    t.string('user_id', 64).notNullable();
    t.string('status', 16).notNullable();
    t.bigInteger('issued_at').notNullable();
    t.string('used_order_id', 64).nullable();
    t.bigInteger('valid_from').notNullable();
    t.bigInteger('valid_to').notNullable();
    t.string('source', 96).notNullable();
    t.index(['user_id', 'status']);
    t.index(['template_id', 'user_id']);
    t.index(['used_order_id']);
  });

  await knex.schema.createTable('user_registrations', (t) => {
    t.string('user_id', 64).primary();
    t.bigInteger('registered_at').notNullable();
  });

  await knex.schema.createTable('limit_counters', (t) => {
    t.string('counter_key', 255).primary();
    t.bigInteger('used').notNullable().defaultTo(0);
    t.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('limit_orders', (t) => {
    t.string('order_id', 64).primary();
    t.string('state', 16).notNullable();
    t.bigInteger('updated_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['limit_orders', 'limit_counters', 'user_registrations', 'coupons', 'coupon_templates', 'promotion_records', 'orders']) {
    await knex.schema.dropTableIfExists(table);
  }
}
