import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDb, driverOf, sqliteDriverName } from './create-db.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite driver', () => {
  it('is better-sqlite3 12 on Node 20 and 13 (N-API) from Node 22 on', () => {
    expect(sqliteDriverName('20.19.0')).toBe('better-sqlite3');
    expect(sqliteDriverName('20.20.2')).toBe('better-sqlite3');
    expect(sqliteDriverName('22.12.0')).toBe('better-sqlite3-napi');
    expect(sqliteDriverName('24.21.0')).toBe('better-sqlite3-napi');
  });

  it('writes and reads a file through knex with the driver this Node gets, in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promo-sqlite-'));
    dirs.push(dir);
    const db = createSqliteDb(join(dir, 'db.sqlite'));
    try {
      await db.schema.createTable('t', (t) => {
        t.string('k').primary();
        t.bigInteger('v');
      });
      await db('t').insert([{ k: 'a', v: 2 ** 40 }, { k: 'b', v: 1 }]);
      expect(await db('t').orderBy('k').select('k', 'v')).toEqual([{ k: 'a', v: 2 ** 40 }, { k: 'b', v: 1 }]);
      expect((await db.raw('pragma journal_mode')) as unknown).toEqual([{ journal_mode: 'wal' }]);
      expect(driverOf(db)).toBe('better-sqlite3');
    } finally {
      await db.destroy();
    }
  });
});
