import type { AppDeps } from '../app/deps.js';
import { z } from 'zod';

/** A user's seat in a group that still entitles them to the group price. */
export interface GroupMembership {
  campaignId: string;
  sku: string;
  status: 'open' | 'complete';
  isLeader: boolean;
}

export interface GroupReader {
  /** The user's memberships among `groupIds` in open or complete groups (failed or released ones are left out). */
  getMemberships(userId: string, groupIds: readonly string[]): Promise<Map<string, GroupMembership>>;
}

const Row = z.object({
  id: z.string(),
  campaign_id: z.string(),
  sku: z.string(),
  status: z.enum(['open', 'complete']),
  is_leader: z.union([z.boolean(), z.number()]).transform(Boolean),
});

/** For pricing: which of a cart's group ids give this user the group price. One SQL query. */
export function createGroupReader(deps: Pick<AppDeps, 'db'>): GroupReader {
  return {
    async getMemberships(userId, groupIds) {
      const result = new Map<string, GroupMembership>();
      if (groupIds.length === 0) return result;
      const rows: unknown[] = await deps.db('group_members as m')
        .join('group_buys as g', 'g.id', 'm.group_id')
        .where('m.user_id', userId)
        .whereNull('m.released_at')
        .whereIn('m.group_id', [...new Set(groupIds)])
        .whereIn('g.status', ['open', 'complete'])
        .select('g.id', 'g.campaign_id', 'g.sku', 'g.status', 'm.is_leader');
      for (const raw of rows) {
        const r = Row.parse(raw);
        result.set(r.id, { campaignId: r.campaign_id, sku: r.sku, status: r.status, isLeader: r.is_leader });
      }
      return result;
    },
  };
}
