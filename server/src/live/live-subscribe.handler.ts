import {
  liveRoomName,
  SubscribeRequestSchema,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
  type MetricsSnapshot,
} from '@promo/shared';
import type { Socket } from 'socket.io';

type LiveSocket = Socket<LiveClientToServerEvents, LiveServerToClientEvents>;

/** Acks can be missing (a client that does not wait); socket.io then passes no function. */
function ackOrNoop<T>(ack: unknown): (reply: T) => void {
  return typeof ack === 'function' ? (ack as (reply: T) => void) : () => undefined;
}

/** `subscribe`: validate, join the room, answer with the room's latest snapshot (read now if none yet). */
export function subscribeHandler(socket: LiveSocket, latest: (room: string) => Promise<MetricsSnapshot | null>) {
  return async (request: unknown, rawAck: unknown): Promise<void> => {
    const ack = ackOrNoop<Parameters<Parameters<LiveClientToServerEvents['subscribe']>[1]>[0]>(rawAck);
    const parsed = SubscribeRequestSchema.safeParse(request);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });
      return;
    }
    const room = liveRoomName(parsed.data);
    await socket.join(room);
    try {
      ack({ ok: true, data: { room, snapshot: await latest(room) } });
    } catch {
      ack({ ok: true, data: { room, snapshot: null } });
    }
  };
}

/** `unsubscribe`: validate and leave the room. */
export function unsubscribeHandler(socket: LiveSocket) {
  return async (request: unknown, rawAck: unknown): Promise<void> => {
    const ack = ackOrNoop<Parameters<Parameters<LiveClientToServerEvents['unsubscribe']>[1]>[0]>(rawAck);
    const parsed = SubscribeRequestSchema.safeParse(request);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'bad_request', message: 'kind and id required' } });
      return;
    }
    const room = liveRoomName(parsed.data);
    await socket.leave(room);
    ack({ ok: true, data: { room } });
  };
}
