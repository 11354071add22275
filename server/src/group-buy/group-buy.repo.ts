import type { Knex } from 'knex';
import { z } from 'zod';
import { GroupStatusSchema, type GroupView } from './group-buy.schema.js';

const GroupRowSchema = z.object({
  id: z.string(),
  campaign_id: z.string(),
  sku: z.string(),
  leader_user_id: z.string(),
  share_code: z.string(),
  size: z.coerce.number(),
  member_count: z.coerce.number(),
  status: GroupStatusSchema,
  virtual_fill: z.union([z.boolean(), z.number()]).transform(Boolean),
  expires_at: z.coerce.number(),
});
export type GroupRow = z.infer<typeof GroupRowSchema>;

const MemberRowSchema = z.object({
  user_id: z.string(),
  is_leader: z.union([z.boolean(), z.number()]).transform(Boolean),
  is_virtual: z.union([z.boolean(), z.number()]).transform(Boolean),
  joined_at: z.coerce.number(),
});

export async function findGroup(db: Knex | Knex.Transaction, idOrCode: string): Promise<GroupRow | null> {
  const row: unknown = (await db('group_buys').where({ id: idOrCode }).first()) ?? (await db('group_buys').where({ share_code: idOrCode }).first());
  return row === undefined ? null : GroupRowSchema.parse(row);
}

export async function groupView(db: Knex | Knex.Transaction, group: GroupRow): Promise<GroupView> {
  const members: unknown[] = await db('group_members').where({ group_id: group.id }).orderBy('is_leader', 'desc').orderBy('joined_at').orderBy('user_id');
  return {
    id: group.id,
    campaignId: group.campaign_id,
    sku: group.sku,
    leaderUserId: group.leader_user_id,
    shareCode: group.share_code,
    size: group.size,
    memberCount: group.member_count,
    status: group.status,
    expiresAt: group.expires_at,
    members: members.map((raw) => {
      const m = MemberRowSchema.parse(raw);
      return { userId: m.user_id, isLeader: m.is_leader, isVirtual: m.is_virtual, joinedAt: m.joined_at };
    }),
  };
}

export async function isMember(db: Knex | Knex.Transaction, groupId: string, userId: string): Promise<boolean> {
  return (await db('group_members').where({ group_id: groupId, user_id: userId }).first('user_id')) !== undefined;
}

/**
 * Takes one seat if the group is open, unexpired and not full: one conditional UPDATE, so
 * concurrent joins (row-locked on MariaDB, serialised on SQLite) never exceed the size.
 */
export async function takeSeat(trx: Knex.Transaction, groupId: string, now: number): Promise<boolean> {
  const updated = await trx('group_buys')
    .where({ id: groupId, status: 'open' })
    .where('member_count', '<', trx.ref('size'))
    .where('expires_at', '>', now)
    .increment('member_count', 1);
  return updated === 1;
}

export async function dueGroups(db: Knex, now: number, limit: number): Promise<GroupRow[]> {
  const rows: unknown[] = await db('group_buys').where({ status: 'open' }).where('expires_at', '<=', now).orderBy('expires_at').limit(limit);
  return rows.map((row) => GroupRowSchema.parse(row));
}

/** Moves an open group to a final status; false when someone else already did. */
export async function closeGroup(trx: Knex.Transaction, groupId: string, status: 'complete' | 'failed', now: number, memberCount?: number): Promise<boolean> {
  const updated = await trx('group_buys')
    .where({ id: groupId, status: 'open' })
    .update({ status, closed_at: now, ...(memberCount === undefined ? {} : { member_count: memberCount }) });
  return updated === 1;
}
