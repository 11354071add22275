import { z } from 'zod';
import { FenSchema } from '../money/money.js';

/** What a war-room client can watch: one campaign or one festival theme. */
export const LiveRoomKindSchema = z.enum(['campaign', 'theme']);
export type LiveRoomKind = z.infer<typeof LiveRoomKindSchema>;

const RoomId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);

/** A room reference; the socket.io room name is `<kind>:<id>` (see {@link liveRoomName}). */
export const LiveRoomRefSchema = z.object({ kind: LiveRoomKindSchema, id: RoomId });
export type LiveRoomRef = z.infer<typeof LiveRoomRefSchema>;

/** The `subscribe` / `unsubscribe` message body. */
export const SubscribeRequestSchema = LiveRoomRefSchema;
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>;

const Count = z.number().int().nonnegative();
/** Fen counters can go negative transiently (a cancel recorded before its commit), hence `int()` only. */
const SignedFen = z.number().int();

/** One labelled share of a split (region, channel, SKU). */
export const LiveSplitEntrySchema = z.object({ key: z.string(), gmv: SignedFen, orders: z.number().int() });
export type LiveSplitEntry = z.infer<typeof LiveSplitEntrySchema>;

/** One minute of the orders-per-minute series; `minute` is epoch ms of the minute's start. */
export const LiveMinutePointSchema = z.object({ minute: z.number().int(), orders: z.number().int(), gmv: SignedFen });
export type LiveMinutePoint = z.infer<typeof LiveMinutePointSchema>;

/** Stock of one flash-sale SKU, for the burn-down chart. */
export const LiveStockSchema = z.object({
  campaignId: z.string(),
  sku: z.string(),
  /** Units left in the current slot; null before the first warm-up. */
  stockLeft: z.number().int().nullable(),
  /** Units allocated to the slot (the burn-down's 100%). */
  allocated: Count,
  /** Epoch ms the current slot closes; null when no slot is open. */
  closesAt: z.number().int().nullable(),
  /** Epoch ms the next slot opens; null when there is none. */
  nextSlotAt: z.number().int().nullable(),
});
export type LiveStock = z.infer<typeof LiveStockSchema>;

/** A budget gauge: total (null = unlimited), spent, left (null = unlimited). */
export const LiveBudgetSchema = z.object({ total: FenSchema.nullable(), spent: SignedFen, left: SignedFen.nullable() });
export type LiveBudget = z.infer<typeof LiveBudgetSchema>;

/** The `metrics` snapshot a room receives once a second. Money in fen. */
export const MetricsSnapshotSchema = z.object({
  room: LiveRoomRefSchema,
  /** Epoch ms the snapshot was read. */
  at: z.number().int(),
  gmv: SignedFen,
  orders: z.number().int(),
  /** Distinct buyers (HyperLogLog on Redis: about 0.8% standard error). */
  buyers: Count,
  discountSpent: SignedFen,
  budget: LiveBudgetSchema,
  conversion: z.object({
    impressions: Count,
    clicks: Count,
    addToCart: Count,
    /** orders / impressions; null without impressions. */
    rate: z.number().nullable(),
  }),
  stock: z.array(LiveStockSchema),
  /** Failed commits / attempts over the last minute; null without attempts. */
  errorRate: z.number().nullable(),
  ordersPerMinute: z.array(LiveMinutePointSchema),
  regions: z.array(LiveSplitEntrySchema),
  channels: z.array(LiveSplitEntrySchema),
  /** Top SKUs by units sold (`orders` holds units here). */
  topSkus: z.array(LiveSplitEntrySchema),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshotSchema>;

export const LiveAlertTypeSchema = z.enum(['sold_out', 'low_stock', 'budget_80', 'budget_100', 'error_spike']);
export type LiveAlertType = z.infer<typeof LiveAlertTypeSchema>;

/** A targeted event: fired once per threshold crossing, to every instance's clients of the room. */
export const LiveAlertSchema = z.object({
  /** Stable per crossing (the dedupe key), so a client can drop a repeat. */
  id: z.string(),
  type: LiveAlertTypeSchema,
  room: LiveRoomRefSchema,
  campaignId: z.string().optional(),
  sku: z.string().optional(),
  /** The measured value that crossed (stock left, budget share, error rate). */
  value: z.number().optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
  at: z.number().int(),
});
export type LiveAlert = z.infer<typeof LiveAlertSchema>;

/** Error of a refused client message. */
export const LiveAckErrorSchema = z.object({ code: z.enum(['bad_request', 'forbidden', 'not_found', 'internal']), message: z.string() });
export type LiveAckError = z.infer<typeof LiveAckErrorSchema>;

/** Every acknowledgement: `{ok: true, data}` or `{ok: false, error}`. */
export type LiveAck<T> = { ok: true; data: T } | { ok: false; error: LiveAckError };

/** Events the server sends on the `/live` namespace. */
export interface LiveServerToClientEvents {
  metrics: (snapshot: MetricsSnapshot) => void;
  alert: (alert: LiveAlert) => void;
}

/** Events a client sends on the `/live` namespace (acks carry the latest snapshot, or null when none yet). */
export interface LiveClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (reply: LiveAck<{ room: string; snapshot: MetricsSnapshot | null }>) => void) => void;
  unsubscribe: (request: SubscribeRequest, ack: (reply: LiveAck<{ room: string }>) => void) => void;
}

/** The socket.io namespace of the war room. */
export const LIVE_NAMESPACE = '/live';

/** The socket.io room of a campaign or theme: `campaign:<id>` / `theme:<id>`. */
export function liveRoomName(room: LiveRoomRef): string {
  return `${room.kind}:${room.id}`;
}

/** The inverse of {@link liveRoomName}; null for a name that is not a live room. */
export function parseLiveRoomName(name: string): LiveRoomRef | null {
  const at = name.indexOf(':');
  if (at < 0) return null;
  const parsed = LiveRoomRefSchema.safeParse({ kind: name.slice(0, at), id: name.slice(at + 1) });
  return parsed.success ? parsed.data : null;
}
