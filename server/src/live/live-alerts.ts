import { liveRoomName, parseLiveRoomName, type LiveAlert, type LiveAlertType, type LiveRoomRef } from '@promo/shared';
import { z } from 'zod';
import type { LiveAggregates, RoomReading } from './live-aggregates.js';
import type { LiveDirectory } from './live-directory.js';

/** Where fired alerts go: the socket.io server (through the Redis adapter when there is one). */
export interface AlertSink {
  emit(alert: LiveAlert): void;
}

/** What the flash-sale module publishes on `live:alerts`. */
export const FlashAlertMessageSchema = z.object({
  type: z.enum(['sold_out', 'low_stock']),
  campaignId: z.string(),
  sku: z.string(),
  stockLeft: z.number().int(),
  at: z.number().int(),
});
export type FlashAlertMessage = z.infer<typeof FlashAlertMessageSchema>;

const BUDGET_THRESHOLDS = [
  { share: 0.8, type: 'budget_80' },
  { share: 1, type: 'budget_100' },
] as const satisfies readonly { share: number; type: LiveAlertType }[];
/** An error spike: at least this many attempts in the last minute, of which this share failed. */
export const ERROR_SPIKE = { minAttempts: 20, rate: 0.05, quietMs: 5 * 60_000 };
/** A budget crossing stays "fired" this long unless a cancel brings the spend back under it. */
const CROSSING_TTL_MS = 60 * 24 * 3600_000;
const FLASH_DEDUPE_TTL_MS = 3600_000;

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function message(type: LiveAlertType, subject: string, value: number): { zh: string; en: string } {
  switch (type) {
    case 'sold_out':
      return { zh: `${subject} 已售罄`, en: `${subject} is sold out` };
    case 'low_stock':
      return { zh: `${subject} 库存告急，仅剩 ${value} 件`, en: `${subject} is running low: ${value} left` };
    case 'budget_80':
      return { zh: `${subject} 预算已用 ${pct(value)}`, en: `${subject} has spent ${pct(value)} of its budget` };
    case 'budget_100':
      return { zh: `${subject} 预算已用完`, en: `${subject} has spent its whole budget` };
    case 'error_spike':
      return { zh: `${subject} 下单失败率升至 ${pct(value)}`, en: `${subject} commit failures rose to ${pct(value)}` };
  }
}

function subjectOf(room: LiveRoomRef, sku?: string): string {
  return sku ? `${room.kind === 'campaign' ? '' : `${room.id} · `}${sku}` : liveRoomName(room);
}

/**
 * Threshold alerts. Each crossing fires once across every instance: the instance that first sets
 * the crossing's dedupe key (Redis SET NX / in-process) emits; the others see the key and stay quiet.
 */
export function createLiveAlerts(deps: { aggregates: LiveAggregates; directory: LiveDirectory; sink: AlertSink; now: () => number }) {
  const { aggregates, directory, sink } = deps;

  async function fire(key: string, ttlMs: number, alert: Omit<LiveAlert, 'id'>): Promise<boolean> {
    const [first] = await aggregates.firstSeen([`alert:${key}`], ttlMs);
    if (first) sink.emit({ ...alert, id: key });
    return first === true;
  }

  return {
    /** After an order was recorded: budget shares of the rooms it touched, with their new spend. */
    async afterOrder(spent: ReadonlyMap<string, number>, sign: 1 | -1): Promise<void> {
      for (const [name, total] of spent) {
        const room = parseLiveRoomName(name);
        const budget = room ? directory.budgetOf(room) : null;
        if (!room || budget === null || budget <= 0) continue;
        const share = total / budget;
        for (const threshold of BUDGET_THRESHOLDS) {
          const key = `${threshold.type}:${name}`;
          if (share >= threshold.share) {
            if (sign > 0) await fire(key, CROSSING_TTL_MS, { type: threshold.type, room, value: share, message: message(threshold.type, subjectOf(room), share), at: deps.now() });
          } else if (sign < 0) {
            // Back under the line (a cancel): the next crossing is a new one.
            await aggregates.forget([`alert:${key}`]);
          }
        }
      }
    },

    /** A sold-out / low-stock message from the flash-sale module (every instance receives it). */
    async onFlash(msg: FlashAlertMessage): Promise<void> {
      const campaignRoom: LiveRoomRef = { kind: 'campaign', id: msg.campaignId };
      const themeId = directory.themeOf(msg.campaignId);
      const rooms = themeId ? [campaignRoom, { kind: 'theme', id: themeId } as const] : [campaignRoom];
      for (const room of rooms) {
        const key = `${msg.type}:${liveRoomName(room)}:${msg.sku}:${msg.at}`;
        await fire(key, FLASH_DEDUPE_TTL_MS, {
          type: msg.type,
          room,
          campaignId: msg.campaignId,
          sku: msg.sku,
          value: msg.stockLeft,
          message: message(msg.type, subjectOf(room, msg.sku), msg.stockLeft),
          at: msg.at,
        });
      }
    },

    /** Checked on every snapshot: failures over the last minute. */
    async checkErrors(room: LiveRoomRef, reading: RoomReading): Promise<void> {
      const { orders, failures } = reading.lastMinute;
      const attempts = orders + failures;
      if (attempts < ERROR_SPIKE.minAttempts || failures / attempts < ERROR_SPIKE.rate) return;
      const rate = failures / attempts;
      await fire(`error_spike:${liveRoomName(room)}`, ERROR_SPIKE.quietMs, { type: 'error_spike', room, value: rate, message: message('error_spike', subjectOf(room), rate), at: deps.now() });
    },
  };
}
export type LiveAlerts = ReturnType<typeof createLiveAlerts>;
