import { Redis } from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createRedisStores } from '../../src/stores/redis/redis-stores.js';
import { startRedis } from './redis-service.js';
import { waitFor } from './wait-for.js';

describe('throwaway redis-server', () => {
  it('loses its data on restart without persistence, like a crash', async () => {
    const redis = await startRedis();
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      await client.set('k', 'v');
      await redis.restart();
      await waitFor('reconnect', async () => (await client.ping()) === 'PONG', 10_000);
      expect(await client.get('k')).toBeNull();
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it('keeps its data across a restart with appendonly', async () => {
    const redis = await startRedis({ appendonly: true });
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      await client.set('k', 'v');
      await redis.restart();
      await waitFor('reconnect', async () => (await client.ping()) === 'PONG', 10_000);
      expect(await client.get('k')).toBe('v');
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it('lets the stores reconnect after a restart, scripts included', async () => {
    const redis = await startRedis();
    const stores = await createRedisStores(redis.url, 'r:', pino({ level: 'silent' }));
    try {
      stores.scripts.register({ name: 'svc:echo', lua: 'return ARGV[1]', local: (_d, _k, args) => args[0] ?? null });
      expect(await stores.scripts.runScript('svc:echo', [], ['before'])).toBe('before');
      await redis.restart();
      await waitFor('stores reconnect', async () => (await stores.scripts.runScript('svc:echo', [], ['after'])) === 'after', 10_000, 100);
    } finally {
      await stores.close();
      await redis.stop();
    }
  });

  it('fails, never skips, when the server cannot start', async () => {
    await expect(startRedis({}, '/bin/false')).rejects.toThrow(/redis-server exited 1/);
  });
});
