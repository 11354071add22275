import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { hashPassword } from '../auth/password.js';
import { boot } from './boot.js';

describe('boot with demo data', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.dispose();
  });

  const start = () => boot({ ...database.config, PORT: 0, HOST: '127.0.0.1', DEMO_DATA: true }, { modules: [], logger: pino({ level: 'silent' }) });

  it('creates the demo credentials on a new database, then reminds which demo logins still work', async () => {
    const first = await start();
    try {
      expect(first.demoCredentials?.users.map((u) => u.username)).toEqual(['admin', 'planner', 'approver', 'analyst', 'screen']);
      expect(first.demoCredentials?.apiKey).toMatch(/^psk_/);
      expect(first.activeDemoUsers).toBeUndefined();
      await first.deps.db('users').where({ username: 'admin' }).update({ password_hash: await hashPassword('a-real-secret') });
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      expect(second.demoCredentials).toBeUndefined();
      expect(second.activeDemoUsers?.map((u) => `${u.username}/${u.password}`)).toEqual(['planner/planner-demo', 'approver/approver-demo', 'analyst/analyst-demo', 'screen/screen-demo']);
    } finally {
      await second.close();
    }
  });
});
