import { liveRoomName } from '@promo/shared';
import type { EventDelta, TotalField } from '../live/live-aggregates.js';
import type { LiveRuntime } from '../live/live-runtime.js';
import type { EventRow } from '../live/live-sql-writer.js';
import type { EventBatchResponse, StoreEvent } from './event.schema.js';

/** A replay of the same eventId within this window is ignored by the counters (SQL keeps it out forever). */
export const EVENT_DEDUPE_MS = 24 * 3600_000;

const FIELD: Record<StoreEvent['type'], TotalField> = {
  impression: 'impressions',
  click: 'clicks',
  add_to_cart: 'add_to_cart',
  share: 'share',
  order: 'order_events',
};

/**
 * Dedupes a batch, adds it to the live counters (one Redis pipeline), queues the rows for SQL and
 * returns: the caller never waits on SQL.
 */
export async function ingestEvents(runtime: LiveRuntime, events: readonly StoreEvent[], receivedAt: number): Promise<EventBatchResponse> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  const fresh = await runtime.aggregates.firstSeen(
    unique.map((e) => `event:${e.eventId}`),
    EVENT_DEDUPE_MS,
  );
  const accepted = unique.filter((_, i) => fresh[i]);
  const deltas = new Map<string, EventDelta>();
  const rows: EventRow[] = [];
  for (const e of accepted) {
    const themeId = e.themeId ?? (e.campaignId ? runtime.directory.themeOf(e.campaignId) : undefined);
    const rooms = [e.campaignId && liveRoomName({ kind: 'campaign', id: e.campaignId }), themeId && liveRoomName({ kind: 'theme', id: themeId })].filter((r): r is string => Boolean(r));
    const minute = Math.floor(e.at / 60_000) * 60_000;
    for (const room of rooms) {
      const key = `${room}|${minute}`;
      const delta = deltas.get(key) ?? { room, at: minute, counts: {} };
      const field = FIELD[e.type];
      delta.counts[field] = (delta.counts[field] ?? 0) + 1;
      deltas.set(key, delta);
    }
    rows.push({ event_id: e.eventId, type: e.type, user_id: e.userId, campaign_id: e.campaignId ?? null, theme_id: themeId ?? null, sku: e.sku ?? null, amount: e.amount ?? null, channel: e.channel, region: e.region, at: e.at, received_at: receivedAt });
  }
  await runtime.aggregates.recordEvents([...deltas.values()]);
  runtime.writer.enqueueEvents(rows);
  return { accepted: accepted.length, duplicates: events.length - accepted.length };
}
