import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import {
  LIVE_NAMESPACE,
  liveRoomName,
  parseLiveRoomName,
  type LiveAlert,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type MetricsSnapshot,
} from '@promo/shared';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { LiveAlertSchema } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import type { LiveRuntime } from './live-runtime.js';
import { buildSnapshot, SERIES_MINUTES } from './live-snapshot.js';
import { subscribeHandler, unsubscribeHandler } from './live-subscribe.handler.js';
import type { AuthService } from '../auth/auth.service.js';
import { createSocketAuth } from './socket-auth.js';

/** In-process fan-out of alerts between instances sharing one in-process store (no Redis adapter). */
const ALERT_FANOUT_CHANNEL = 'live:alert-fanout';
export const TICK_MS = 1000;

export interface LiveHandle {
  io: Server<LiveClientToServerEvents, LiveServerToClientEvents>;
  /** Reads and emits one round of snapshots now (tests, benchmarks); the timer does it every second. */
  tick(): Promise<void>;
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The `/live` socket.io namespace on the app's HTTP server. Each instance reads one pipelined
 * snapshot per second for the rooms ITS clients joined and emits it to them (skipping clients still
 * busy with the last tick); alerts
 * go through the Redis adapter to every instance's clients. `live` is the live module's runtime
 * (started by the module; the handle does not close it).
 */
export async function attachLive(httpServer: HttpServer, deps: AppDeps, live: LiveRuntime, options: { auth: Pick<AuthService, 'userForToken'>; tickMs?: number }): Promise<LiveHandle> {
  const logger = deps.logger.child({ module: 'live-socket' });
  const io = new Server<LiveClientToServerEvents, LiveServerToClientEvents>(httpServer, { serveClient: true, cors: { origin: deps.config.CORS_ORIGINS.length > 0 ? deps.config.CORS_ORIGINS : false } });
  const adapterClients: Redis[] = [];
  if (deps.stores.redis) {
    const pub = deps.stores.redis.duplicate();
    const sub = deps.stores.redis.duplicate();
    adapterClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub, { key: `${deps.stores.keyPrefix}socket.io` }));
  }
  const nsp = io.of(LIVE_NAMESPACE);
  const auth = createSocketAuth(options.auth);
  nsp.use((socket, next) => void auth(socket, next));

  const latest = new Map<string, MetricsSnapshot>();

  async function readRooms(rooms: string[]): Promise<Map<string, MetricsSnapshot>> {
    const now = deps.clock.now();
    const readings = await live.aggregates.read(rooms, now, SERIES_MINUTES);
    const out = new Map<string, MetricsSnapshot>();
    await Promise.all(
      rooms.map(async (name) => {
        const room = parseLiveRoomName(name);
        const reading = readings.get(name);
        if (!room || !reading) return;
        out.set(name, await buildSnapshot({ room, reading, directory: live.directory, stock: live.stock, now }));
        await live.alerts.checkErrors(room, reading);
      }),
    );
    return out;
  }

  async function tick(): Promise<void> {
    const rooms = [...nsp.adapter.rooms.keys()].filter((name) => parseLiveRoomName(name) !== null);
    latest.clear();
    if (rooms.length === 0) return;
    const snapshots = await readRooms(rooms);
    // Volatile per tick, not per packet: a client still sending the last tick's snapshots skips this
    // one (no backlog builds up), while a client watching several rooms gets every room's snapshot.
    // socket.io's own `volatile` would drop all but the first room, as the transport is busy after it.
    const busy = [...nsp.sockets.values()].filter((s) => !s.conn.transport.writable).map((s) => s.id);
    for (const [name, snapshot] of snapshots) {
      latest.set(name, snapshot);
      nsp.local.to(name).except(busy).emit('metrics', snapshot);
    }
  }

  nsp.on('connection', (socket) => {
    socket.on('subscribe', subscribeHandler(socket, async (room) => latest.get(room) ?? (await readRooms([room])).get(room) ?? null));
    socket.on('unsubscribe', unsubscribeHandler(socket));
  });

  let unsubscribeFanout: (() => Promise<void>) | null = null;
  if (deps.stores.redis) {
    live.setSink({ emit: (alert: LiveAlert) => nsp.to(liveRoomName(alert.room)).emit('alert', alert) });
  } else {
    unsubscribeFanout = await deps.stores.pubsub.subscribe(ALERT_FANOUT_CHANNEL, (text) => {
      const parsed = LiveAlertSchema.safeParse(parseJson(text));
      if (parsed.success) nsp.local.to(liveRoomName(parsed.data.room)).emit('alert', parsed.data);
    });
    live.setSink({ emit: (alert: LiveAlert) => void deps.stores.pubsub.publish(ALERT_FANOUT_CHANNEL, JSON.stringify(alert)) });
  }

  let ticking: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = tick()
      .catch((err: unknown) => logger.warn({ err }, 'live tick failed'))
      .finally(() => {
        ticking = null;
      });
  }, options.tickMs ?? TICK_MS);
  timer.unref();

  return {
    io,
    tick,
    async close() {
      clearInterval(timer);
      await ticking;
      live.setSink(null);
      await unsubscribeFanout?.();
      nsp.disconnectSockets(true);
      // io.close() would also close the HTTP server, which belongs to the app.
      io.engine.close();
      for (const client of adapterClients) await client.quit().catch(() => client.disconnect());
    },
  };
}
