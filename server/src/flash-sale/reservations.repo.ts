import type { Knex } from 'knex';
import { z } from 'zod';
import { driverOf } from '../db/create-db.js';
import { ReservationStatusSchema, type Reservation } from './reservation.schema.js';
import type { SaleItemRef } from './sale-item.js';

/** Rows per statement: 12 bindings each stays under SQLite's 32,766 and MariaDB's 65,535 placeholders. */
const CHUNK = 500;

const RowSchema = z.object({
  token: z.string(),
  campaign_id: z.string(),
  sku: z.string(),
  user_id: z.string(),
  idempotency_key: z.string(),
  quantity: z.coerce.number(),
  price: z.coerce.number(),
  status: ReservationStatusSchema,
  order_id: z.string().nullable(),
  expires_at: z.coerce.number(),
});

function toReservation(row: unknown): Reservation {
  const r = RowSchema.parse(row);
  return {
    token: r.token,
    campaignId: r.campaign_id,
    sku: r.sku,
    userId: r.user_id,
    idempotencyKey: r.idempotency_key,
    quantity: r.quantity,
    price: r.price,
    status: r.status,
    orderId: r.order_id,
    expiresAt: r.expires_at,
  };
}

const COLUMNS = ['token', 'campaign_id', 'sku', 'user_id', 'idempotency_key', 'quantity', 'price', 'status', 'order_id', 'created_at', 'expires_at', 'updated_at'];
const ROW = `(${COLUMNS.map(() => '?').join(',')})`;
const insertSql = new Map<string, string>();

/**
 * `INSERT … ON CONFLICT DO NOTHING` (SQLite) / `INSERT IGNORE` (MariaDB) for `rows` rows, built once
 * per size: the persister writes thousands of rows a second, and knex's builder cost ~6 µs a row
 * more than the statement itself (docs/adr/flash-sale-hot-path.md).
 */
function insertIgnoreSql(client: string, rows: number): string {
  const cacheKey = `${client}:${rows}`;
  let sql = insertSql.get(cacheKey);
  if (!sql) {
    const values = new Array<string>(rows).fill(ROW).join(',');
    const mysql = client === 'mysql2' || client === 'mysql';
    sql = `INSERT ${mysql ? 'IGNORE ' : ''}INTO flash_reservations (${COLUMNS.join(',')}) VALUES ${values}${mysql ? '' : ' ON CONFLICT DO NOTHING'}`;
    insertSql.set(cacheKey, sql);
  }
  return sql;
}

interface SqliteStatement {
  run(...bindings: (string | number | null)[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

function isSqliteConnection(conn: unknown): conn is SqliteConnection {
  return typeof conn === 'object' && conn !== null && 'prepare' in conn && typeof conn.prepare === 'function';
}

const preparedInserts = new WeakMap<SqliteConnection, SqliteStatement>();

/**
 * The transaction's better-sqlite3 connection, or null on other backends. Inserting through a
 * statement prepared once per connection skips knex's per-call prepare and binding formatting
 * (~3 µs a row of 11 on SQLite); MariaDB keeps knex.raw with the cached SQL text.
 */
async function sqliteConnectionOf(trx: Knex | Knex.Transaction): Promise<SqliteConnection | null> {
  if (driverOf(trx) !== 'better-sqlite3' || !('isTransaction' in trx) || !trx.isTransaction) return null;
  const conn: unknown = await trx.client.acquireConnection();
  return isSqliteConnection(conn) ? conn : null;
}

/**
 * One row per statement on SQLite. A statement that may change several rows makes SQLite copy
 * every page it touches first into a statement journal (so the statement alone can be undone), and
 * reservations land at random pages of the idempotency index: a 500-row INSERT copied ~400 pages of
 * 16 KiB, 2.7–8.3 KB written per row to a temp file as the table grew. A one-row INSERT needs no
 * statement journal; in-process the calls cost about the same (docs/adr/flash-sale-hot-path.md).
 */
function rowInsert(conn: SqliteConnection): SqliteStatement {
  let statement = preparedInserts.get(conn);
  if (!statement) {
    statement = conn.prepare(insertIgnoreSql('better-sqlite3', 1));
    preparedInserts.set(conn, statement);
  }
  return statement;
}

function bindingsOf(reservations: readonly Reservation[], now: number): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (const r of reservations) out.push(r.token, r.campaignId, r.sku, r.userId, r.idempotencyKey, r.quantity, r.price, r.status, r.orderId, now, r.expiresAt, now);
  return out;
}

/**
 * Writes reservations as the stock store last reported them. Every event carries the whole record,
 * so the order of events does not matter: rows are inserted if new (a duplicate of either unique
 * key is ignored, the database being the second guard), then held rows advance to confirmed or
 * expired. A final status never moves back.
 */
export async function saveReservations(trx: Knex | Knex.Transaction, reservations: readonly Reservation[], now: number): Promise<void> {
  const client = driverOf(trx);
  const sqlite = await sqliteConnectionOf(trx);
  if (sqlite) {
    const insert = rowInsert(sqlite);
    for (const r of reservations) insert.run(r.token, r.campaignId, r.sku, r.userId, r.idempotencyKey, r.quantity, r.price, r.status, r.orderId, now, r.expiresAt, now);
  } else {
    for (let i = 0; i < reservations.length; i += CHUNK) {
      const chunk = reservations.slice(i, i + CHUNK);
      await trx.raw(insertIgnoreSql(client, chunk.length), bindingsOf(chunk, now));
    }
  }
  const expired = reservations.filter((r) => r.status === 'expired').map((r) => r.token);
  for (let i = 0; i < expired.length; i += CHUNK) {
    await trx('flash_reservations').whereIn('token', expired.slice(i, i + CHUNK)).where({ status: 'held' }).update({ status: 'expired', updated_at: now });
  }
  for (const r of reservations) {
    if (r.status !== 'confirmed') continue;
    await trx('flash_reservations').where({ token: r.token, status: 'held' }).update({ status: 'confirmed', order_id: r.orderId, updated_at: now });
  }
}

/** Held and confirmed reservations of an item: what a rebuild restores. */
export async function liveReservations(db: Knex, item: SaleItemRef): Promise<Reservation[]> {
  const rows: unknown[] = await db('flash_reservations').where({ campaign_id: item.campaignId, sku: item.sku }).whereIn('status', ['held', 'confirmed']);
  return rows.map(toReservation);
}

/** Units held or sold according to SQL (compared with Redis by the reconciler). */
export async function soldInSql(db: Knex, item: SaleItemRef): Promise<number> {
  const row: unknown = await db('flash_reservations')
    .where({ campaign_id: item.campaignId, sku: item.sku })
    .whereIn('status', ['held', 'confirmed'])
    .sum({ sold: 'quantity' })
    .first();
  return Number(z.object({ sold: z.union([z.number(), z.string(), z.null()]) }).parse(row).sold ?? 0);
}

export async function findReservations(db: Knex, tokens: readonly string[]): Promise<Reservation[]> {
  if (tokens.length === 0) return [];
  const rows: unknown[] = await db('flash_reservations').whereIn('token', [...tokens]);
  return rows.map(toReservation);
}

/** The allocation recorded at the item's first warm-up, or null when it was never warmed. */
export async function findAllocation(db: Knex, item: SaleItemRef): Promise<number | null> {
  const row: unknown = await db('flash_sale_items').where({ campaign_id: item.campaignId, sku: item.sku }).first('allocated');
  return row === undefined ? null : z.object({ allocated: z.coerce.number() }).parse(row).allocated;
}

/** Records the first allocation; a concurrent first warm-up elsewhere wins and its value is returned. */
export async function recordAllocation(db: Knex, item: SaleItemRef, allocated: number, now: number): Promise<number> {
  await db('flash_sale_items').insert({ campaign_id: item.campaignId, sku: item.sku, allocated, warmed_at: now }).onConflict(['campaign_id', 'sku']).ignore();
  return (await findAllocation(db, item)) ?? allocated;
}

/** Shrinks a recorded allocation by the units `capStock` removed from the sale. */
export async function shrinkAllocation(db: Knex, item: SaleItemRef, removed: number): Promise<void> {
  if (removed <= 0) return;
  await db('flash_sale_items').where({ campaign_id: item.campaignId, sku: item.sku }).decrement('allocated', removed);
}
