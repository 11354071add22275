import type { Server } from 'node:http';
import type { Redis } from 'ioredis';

/** Listens on a free loopback port; `close` drops the connections, stops the server and quits `redis`. */
export async function serveLocal(server: Server, redis: Redis): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await redis.quit();
    },
  };
}
