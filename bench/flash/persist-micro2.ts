import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDb } from '../../server/src/db/create-db.js';
import { migrateLatest } from '../../server/src/db/migrate.js';

const db = createDb({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-')), DATABASE_URL: undefined, DB_POOL_MAX: 1 } as never);
await migrateLatest(db);
if (process.env.CACHE) await db.raw(`PRAGMA cache_size = -${process.env.CACHE}`);
const N = Number(process.env.N ?? 20_000);
const C = Number(process.env.C ?? 200);
const rows = Array.from({ length: N }, (_, i) => [randomUUID() + '.abc', 'c', 's' + (i % 3), 'u' + i, 'k' + i, 1, 990, 'held', null, 1, 2, 3]);
const cols = 'token,campaign_id,sku,user_id,idempotency_key,quantity,price,status,order_id,created_at,expires_at,updated_at';
const mode = process.env.M ?? 'raw';
const t0 = process.cpuUsage();
if (mode === 'raw') {
  for (let i = 0; i < N; i += 1000) {
    await db.transaction(async (trx) => {
      for (let j = i; j < i + 1000; j += C) {
        const chunk = rows.slice(j, j + C);
        await trx.raw(`insert into flash_reservations (${cols}) values ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?)').join(',')} on conflict do nothing`, chunk.flat());
      }
    });
  }
} else {
  // direct prepared statement (cached)
  const conn = (await db.client.acquireConnection()) as { prepare(s: string): { run(...a: unknown[]): unknown }; transaction(f: () => void): () => void };
  const stmt = conn.prepare(`insert into flash_reservations (${cols}) values ${Array.from({ length: C }, () => '(?,?,?,?,?,?,?,?,?,?,?,?)').join(',')} on conflict do nothing`);
  for (let i = 0; i < N; i += 1000) conn.transaction(() => { for (let j = i; j < i + 1000; j += C) stmt.run(...rows.slice(j, j + C).flat()); })();
}
const u = process.cpuUsage(t0);
console.log(`${mode} C=${C}: ${((u.user + u.system) / N).toFixed(1)} µs CPU/row`);
process.exit(0);
