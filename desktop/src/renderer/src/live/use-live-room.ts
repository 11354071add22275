import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  LiveAlertSchema,
  MetricsSnapshotSchema,
  type LiveAlert,
  type LiveClientToServerEvents,
  type LiveRoomRef,
  type LiveServerToClientEvents,
  type MetricsSnapshot,
} from '@promo/shared';
import { useServices } from '../app/services.js';

export type LiveConnection = 'connecting' | 'live' | 'offline' | 'refused';

/**
 * Watches one war-room room over socket.io (`/live`, token in the handshake, websocket only):
 * the latest metrics snapshot (1 Hz) and the alerts, both parsed with the shared schemas.
 */
export function useLiveRoom(room: LiveRoomRef | null) {
  const { session } = useServices();
  const [snapshot, setSnapshot] = useState<MetricsSnapshot | null>(null);
  const [alerts, setAlerts] = useState<LiveAlert[]>([]);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [error, setError] = useState<string | null>(null);
  const roomKind = room?.kind;
  const roomId = room?.id;

  useEffect(() => {
    if (!roomKind || !roomId) return undefined;
    const ref: LiveRoomRef = { kind: roomKind, id: roomId };
    setSnapshot(null);
    setAlerts([]);
    setConnection('connecting');
    const base = session.apiBase.replace(/\/$/, '');
    const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(`${base}${LIVE_NAMESPACE}`, {
      auth: { token: session.token },
      transports: ['websocket'],
    });
    socket.on('connect', () => {
      setConnection('live');
      setError(null);
      socket.emit('subscribe', ref, (reply) => {
        if (!reply.ok) {
          setError(reply.error.message);
          return;
        }
        const parsed = MetricsSnapshotSchema.safeParse(reply.data.snapshot);
        if (parsed.success) setSnapshot(parsed.data);
      });
    });
    socket.on('connect_error', (e) => {
      const refused = /unauthorized|forbidden/.test(e.message);
      setConnection(refused ? 'refused' : 'offline');
      setError(e.message);
    });
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('metrics', (payload) => {
      const parsed = MetricsSnapshotSchema.safeParse(payload);
      if (parsed.success) setSnapshot(parsed.data);
    });
    socket.on('alert', (payload) => {
      const parsed = LiveAlertSchema.safeParse(payload);
      if (parsed.success) setAlerts((list) => (list.some((a) => a.id === parsed.data.id) ? list : [parsed.data, ...list].slice(0, 50)));
    });
    return () => {
      socket.disconnect();
    };
  }, [roomKind, roomId, session.apiBase, session.token]);

  return { snapshot, alerts, connection, error };
}
