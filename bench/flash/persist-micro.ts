// Temporary: CPU per reservation of saveReservations on SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDb } from '../../server/src/db/create-db.js';
import { migrateLatest } from '../../server/src/db/migrate.js';
import { persistReservations } from '../../server/src/flash-sale/reservation-persister.js';
import type { Reservation } from '../../server/src/flash-sale/reservation.schema.js';

const db = createDb({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-')), DATABASE_URL: undefined, DB_POOL_MAX: 1 } as never);
await migrateLatest(db);
const N = 20_000, B = Number(process.env.B ?? 1000);
const rs: Reservation[] = Array.from({ length: N }, (_, i) => ({ token: randomUUID() + '.abc', campaignId: 'c', sku: 's' + (i % 3), userId: 'u' + i, idempotencyKey: 'k' + i, quantity: 1, price: 990, status: 'held', orderId: null, expiresAt: Date.now() + 1e6 }));
const t0 = process.cpuUsage(); const w0 = performance.now();
for (let i = 0; i < N; i += B) await persistReservations(db, rs.slice(i, i + B), Date.now());
const u = process.cpuUsage(t0);
console.log(`B=${B}: ${((u.user + u.system) / N).toFixed(1)} µs CPU/row, wall ${((performance.now() - w0) * 1000 / N).toFixed(1)} µs/row`);
await db.destroy();
