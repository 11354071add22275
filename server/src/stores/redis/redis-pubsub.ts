import type { Redis } from 'ioredis';
import type { PubSub, PubSubHandler } from '../stores.types.js';

/**
 * Redis pub/sub. A connection in subscriber mode cannot run other commands, so subscriptions use
 * a dedicated connection, created on the first subscribe.
 */
export function redisPubSub(client: Redis, prefix: string): PubSub & { close(): Promise<void> } {
  let subscriber: Redis | undefined;
  const handlers = new Map<string, Set<PubSubHandler>>();

  function connection(): Redis {
    if (subscriber) return subscriber;
    subscriber = client.duplicate();
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) handler(message);
    });
    return subscriber;
  }

  return {
    async publish(channel, message) {
      await client.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const name = prefix + channel;
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
        await connection().subscribe(name);
      }
      set.add(handler);
      return async () => {
        const current = handlers.get(name);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(name);
        await subscriber?.unsubscribe(name);
      };
    },
    async close() {
      handlers.clear();
      if (subscriber) await subscriber.quit().catch(() => subscriber?.disconnect());
    },
  };
}
