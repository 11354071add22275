import type { CampaignStatus } from '@promo/shared';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import { writeAudit } from '../audit/audit.repo.js';
import { recordChange } from '../sync/sync-changes.repo.js';
import { announceCampaignsChanged } from './campaign-events.js';
import { planTransition } from './campaign-lifecycle.js';
import { validateCampaign } from './campaign-validation.js';
import { insertVersion } from './campaign-versions.repo.js';
import { getCampaignRow, setStatusCas, toDoc } from './campaign.repo.js';
import type { CampaignDoc, LifecycleAction } from './campaign.schema.js';

export type LifecycleService = ReturnType<typeof createLifecycleService>;

/**
 * Lifecycle actions on a campaign. Status changes do not bump the document version (that counts
 * content edits, so a planner's edit never conflicts with a pause or a scheduler flip) but do get a
 * new sync sequence number and an audit entry, and are announced on `campaigns:changed`.
 */
export function createLifecycleService(deps: Pick<AppDeps, 'db' | 'clock' | 'stores' | 'logger'>) {
  const { db, clock, stores } = deps;

  async function apply(id: string, action: LifecycleAction, actor: string): Promise<CampaignDoc> {
    const doc = await db.transaction(async (trx) => {
      const row = await getCampaignRow(trx, id);
      if (!row || row.deleted) throw new AppError('not_found', `campaign ${id} not found`);
      const before = toDoc(row);
      const at = clock.now();
      const plan = planTransition(action, { status: before.status, version: before.version, publishedVersion: before.publishedVersion, schedule: before.schedule }, at);
      if (!plan.ok) throw new AppError('conflict', plan.reason, { status: before.status, action });
      if (plan.freeze) {
        const problems = validateCampaign(before);
        if (problems.length > 0) throw new AppError('bad_request', `the campaign has ${problems.length} problem(s)`, { problems });
      }
      // The compare-and-set comes first: it locks the row, so of two racing publishes the second
      // waits, then matches nothing and answers 409 before it could freeze the same version twice.
      const moved = await setStatusCas(trx, id, before.status, plan.to, {
        actor,
        at,
        ...(plan.freeze ? { publishedVersion: before.version, expectVersion: before.version } : {}),
      });
      if (!moved) throw new AppError('conflict', 'the campaign changed meanwhile; reload and retry', { action });
      if (plan.freeze) await insertVersion(trx, before, actor, at);
      const after = toDoc((await getCampaignRow(trx, id))!);
      await writeAudit(trx, {
        actor,
        action: `campaign.${action}`,
        entityType: 'campaign',
        entityId: id,
        before: { status: before.status, publishedVersion: before.publishedVersion },
        after: { status: after.status, publishedVersion: after.publishedVersion },
        at,
      });
      await recordChange(trx, { entityType: 'campaign', id, version: after.version, deleted: false, at });
      return after;
    });
    await announceCampaignsChanged(stores, id, clock.now());
    return doc;
  }

  /**
   * The scheduler's move: only from `from` to `to`, so two instances racing make exactly one write
   * (the loser's compare-and-set matches nothing). True when this call moved it.
   */
  async function scheduleMove(id: string, from: CampaignStatus, to: CampaignStatus, at: number): Promise<boolean> {
    const moved = await db.transaction(async (trx) => {
      if (!(await setStatusCas(trx, id, from, to, { actor: 'scheduler', at }))) return false;
      const row = (await getCampaignRow(trx, id))!;
      await writeAudit(trx, { actor: 'scheduler', action: 'campaign.schedule', entityType: 'campaign', entityId: id, before: { status: from }, after: { status: to }, at });
      await recordChange(trx, { entityType: 'campaign', id, version: row.version, deleted: false, at });
      return true;
    });
    if (moved) await announceCampaignsChanged(stores, id, at);
    return moved;
  }

  return { apply, scheduleMove };
}
