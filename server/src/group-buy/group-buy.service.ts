import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Clock } from '../app/deps.js';
import { offersOf } from '../campaigns/promotion-items.js';
import type { FlashReply } from '../flash-sale/flash-outcome.js';
import { refusal } from '../flash-sale/flash-outcome.js';
import type { CampaignSource } from '../flash-sale/sale-catalog.js';
import { enqueueOutbox } from '../outbox/outbox.repo.js';
import { closeGroup, dueGroups, findGroup, groupView, isMember, takeSeat, type GroupRow } from './group-buy.repo.js';

/** Outbox topics: a failed group's members need refunds; a completed one can ship. */
export const GROUP_FAILED_TOPIC = 'group.failed';
export const GROUP_COMPLETED_TOPIC = 'group.completed';

const SHARE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function shareCode(): string {
  return [...randomBytes(8)].map((b) => SHARE_ALPHABET[b % SHARE_ALPHABET.length]).join('');
}

function isDuplicate(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e.code === 'ER_DUP_ENTRY' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.errno === 1062;
}

function isDeadlock(err: unknown): boolean {
  const e = err as { code?: string };
  return e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * Group buys (拼团): a leader opens a group for a SKU of a live group_buy campaign; it completes when
 * `groupSize` members joined within `fillHours`; at expiry it fails (members released, a refund
 * event in the outbox) or, with `virtualFill`, is completed with virtual members.
 */
export function createGroupBuyService(deps: { db: Knex; clock: Clock; logger: Logger; campaigns: CampaignSource }) {
  const { db, clock } = deps;

  function offerFor(campaignId: string, sku: string, now: number) {
    const campaign = deps.campaigns.snapshot().campaigns.find((c) => c.id === campaignId && c.status !== 'paused');
    if (!campaign || now < Date.parse(campaign.schedule.start) || now >= Date.parse(campaign.schedule.end)) return null;
    for (const offer of offersOf(campaign)) {
      if (offer.kind === 'group_buy' && offer.items.some((i) => i.sku === sku)) return offer;
    }
    return null;
  }

  async function completedMessage(trx: Knex.Transaction, group: GroupRow, topic: string): Promise<void> {
    const view = await groupView(trx, { ...group });
    await enqueueOutbox(trx, [{ topic, dedupeKey: `${topic}:${group.id}`, payload: { type: topic, groupId: group.id, campaignId: group.campaign_id, sku: group.sku, members: view.members.filter((m) => !m.isVirtual).map((m) => m.userId) } }], clock.now());
  }

  async function joinOnce(idOrCode: string, userId: string): Promise<FlashReply> {
    const now = clock.now();
    return db.transaction(async (trx) => {
      const group = await findGroup(trx, idOrCode);
      if (!group) return refusal(404, 'not_found', 'no such group');
      if (await isMember(trx, group.id, userId)) return { status: 200, body: await groupView(trx, group) };
      if (!(await takeSeat(trx, group.id, now))) {
        const fresh = await findGroup(trx, group.id);
        if (fresh?.status === 'open' && fresh.expires_at <= now) return refusal(409, 'expired', 'the group expired');
        return refusal(409, fresh?.status === 'failed' ? 'group_failed' : 'group_full', fresh?.status === 'failed' ? 'the group failed' : 'the group is full');
      }
      await trx('group_members').insert({ group_id: group.id, user_id: userId, is_leader: false, is_virtual: false, joined_at: now });
      const after = await findGroup(trx, group.id);
      if (after && after.member_count >= after.size && (await closeGroup(trx, group.id, 'complete', now))) await completedMessage(trx, after, GROUP_COMPLETED_TOPIC);
      const final = await findGroup(trx, group.id);
      return { status: 200, body: await groupView(trx, final ?? group) };
    });
  }

  return {
    async open(campaignId: string, userId: string, sku: string): Promise<FlashReply> {
      const now = clock.now();
      const offer = offerFor(campaignId, sku, now);
      if (!offer) return refusal(404, 'not_found', 'no live group buy for this campaign and sku');
      const id = `g_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const expiresAt = now + Math.round(offer.fillHours * 3_600_000);
      await db.transaction(async (trx) => {
        await trx('group_buys').insert({ id, campaign_id: campaignId, sku, leader_user_id: userId, share_code: shareCode(), size: offer.groupSize, member_count: 1, status: 'open', virtual_fill: offer.virtualFill, created_at: now, expires_at: expiresAt, closed_at: null });
        await trx('group_members').insert({ group_id: id, user_id: userId, is_leader: true, is_virtual: false, joined_at: now });
      });
      const group = await findGroup(db, id);
      return { status: 201, body: group ? await groupView(db, group) : { id } };
    },

    /** Joins by group id or share code; joining twice answers the group again (idempotent). */
    async join(idOrCode: string, userId: string): Promise<FlashReply> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await joinOnce(idOrCode, userId);
        } catch (err) {
          if (isDuplicate(err)) {
            const group = await findGroup(db, idOrCode);
            if (group) return { status: 200, body: await groupView(db, group) };
          }
          if (!isDeadlock(err) || attempt >= 5) throw err;
        }
      }
    },

    async get(idOrCode: string): Promise<FlashReply> {
      const group = await findGroup(db, idOrCode);
      return group ? { status: 200, body: await groupView(db, group) } : refusal(404, 'not_found', 'no such group');
    },

    /** Closes expired groups: virtual fill or failure with released members and a refund event. Exactly once per group. */
    async expire(): Promise<number> {
      const now = clock.now();
      let closed = 0;
      for (const group of await dueGroups(db, now, 200)) {
        const done = await db.transaction(async (trx) => {
          if (group.virtual_fill) {
            if (!(await closeGroup(trx, group.id, 'complete', now, group.size))) return false;
            const seats = Array.from({ length: Math.max(0, group.size - group.member_count) }, (_, i) => ({ group_id: group.id, user_id: `virtual-${i + 1}`, is_leader: false, is_virtual: true, joined_at: now }));
            if (seats.length > 0) await trx('group_members').insert(seats);
            await completedMessage(trx, group, GROUP_COMPLETED_TOPIC);
            return true;
          }
          if (!(await closeGroup(trx, group.id, 'failed', now))) return false;
          await trx('group_members').where({ group_id: group.id }).update({ released_at: now });
          await completedMessage(trx, group, GROUP_FAILED_TOPIC);
          return true;
        });
        if (done) closed += 1;
      }
      return closed;
    },
  };
}
export type GroupBuyService = ReturnType<typeof createGroupBuyService>;
