import { randomUUID } from 'node:crypto';
import type { Theme } from '@promo/shared';
import { AppError } from '../app/app-error.js';
import type { AppDeps } from '../app/deps.js';
import { writeAudit } from '../audit/audit.repo.js';
import { campaignsOfTheme } from '../campaigns/campaign.repo.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import { recordChange } from '../sync/sync-changes.repo.js';
import { deleteThemeCas, getThemeRow, insertTheme, listThemeRows, toThemeDoc, updateThemeCas, type ThemeRow } from './theme.repo.js';
import type { ThemeDoc, ThemeWrite } from './theme.schema.js';

export type ThemeSaveResult =
  | { status: 'accepted'; doc: ThemeDoc | null; version: number }
  | { status: 'conflict'; server: ThemeDoc | null; serverVersion: number };

const liveDoc = (row: ThemeRow | undefined): ThemeDoc | null => (row && !row.deleted ? toThemeDoc(row) : null);

function content(doc: ThemeDoc | null): unknown {
  if (!doc) return undefined;
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = doc;
  return rest;
}

function assertWindow(theme: Theme): void {
  if (Date.parse(theme.end) <= Date.parse(theme.start)) {
    throw new AppError('bad_request', 'end: must be after start', { issues: [{ field: 'end', message: 'must be after start' }] });
  }
}

export type ThemeService = ReturnType<typeof createThemeService>;

/** 节日主题 documents: compare-and-set saves, tombstones, and the campaigns each groups. */
export function createThemeService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  async function get(id: string): Promise<ThemeDoc> {
    const doc = liveDoc(await getThemeRow(db, id));
    if (!doc) throw new AppError('not_found', `theme ${id} not found`);
    return doc;
  }

  async function detail(id: string) {
    const theme = await get(id);
    const rows = await campaignsOfTheme(db, id);
    const campaigns = rows.map((r) => ({ id: r.id, name: r.name, kind: r.type, status: r.status, budget: r.budget === null ? null : Number(r.budget) }));
    return { theme, campaigns, campaignBudgetTotal: campaigns.reduce((sum, c) => sum + (c.budget ?? 0), 0) };
  }

  async function list(): Promise<ThemeDoc[]> {
    return (await listThemeRows(db)).map(toThemeDoc);
  }

  async function save(input: ThemeWrite & { id: string }, baseVersion: number, actor: string): Promise<ThemeSaveResult> {
    const theme: Theme = { ...input, version: baseVersion + 1 };
    assertWindow(theme);
    try {
      return await saveInTransaction(theme, baseVersion, actor);
    } catch (error) {
      // Two creators of one id raced past the existence check: the loser sees the winner's copy.
      if (!isUniqueViolation(error)) throw error;
      const row = await getThemeRow(db, theme.id);
      return { status: 'conflict', server: liveDoc(row), serverVersion: row?.version ?? 0 };
    }
  }

  async function saveInTransaction(theme: Theme, baseVersion: number, actor: string): Promise<ThemeSaveResult> {
    return db.transaction(async (trx) => {
      const row = await getThemeRow(trx, theme.id);
      const at = clock.now();
      if (!row) {
        if (baseVersion !== 0) return { status: 'conflict', server: null, serverVersion: 0 };
        await insertTheme(trx, theme, actor, at);
      } else {
        if (row.version !== baseVersion || !(await updateThemeCas(trx, theme, baseVersion, actor, at))) {
          const now = await getThemeRow(trx, theme.id);
          return { status: 'conflict', server: liveDoc(now), serverVersion: now?.version ?? 0 };
        }
      }
      const doc = toThemeDoc((await getThemeRow(trx, theme.id))!);
      await writeAudit(trx, { actor, action: row ? 'theme.update' : 'theme.create', entityType: 'theme', entityId: theme.id, before: content(liveDoc(row)), after: content(doc), at });
      await recordChange(trx, { entityType: 'theme', id: theme.id, version: doc.version, deleted: false, at });
      return { status: 'accepted', doc, version: doc.version };
    });
  }

  async function create(input: ThemeWrite, actor: string): Promise<ThemeDoc> {
    const id = input.id ?? `t_${randomUUID()}`;
    const result = await save({ ...input, id }, 0, actor);
    if (result.status === 'conflict') throw new AppError('conflict', `theme ${id} already exists`, { server: result.server, serverVersion: result.serverVersion });
    return result.doc!;
  }

  /** Tombstones a theme; refused (409) while campaigns still belong to it. */
  async function remove(id: string, baseVersion: number | undefined, actor: string): Promise<ThemeSaveResult> {
    return db.transaction(async (trx) => {
      const row = await getThemeRow(trx, id);
      if (!row) throw new AppError('not_found', `theme ${id} not found`);
      if (row.deleted) return baseVersion === row.version ? { status: 'accepted', doc: null, version: row.version } : { status: 'conflict', server: null, serverVersion: row.version };
      const expected = baseVersion ?? row.version;
      const grouped = await campaignsOfTheme(trx, id);
      if (grouped.length > 0) throw new AppError('conflict', `theme ${id} still groups ${grouped.length} campaign(s)`, { campaignIds: grouped.map((c) => c.id) });
      const at = clock.now();
      if (!(await deleteThemeCas(trx, id, expected, actor, at))) return { status: 'conflict', server: liveDoc(row), serverVersion: row.version };
      await writeAudit(trx, { actor, action: 'theme.delete', entityType: 'theme', entityId: id, before: content(toThemeDoc(row)), after: undefined, at });
      await recordChange(trx, { entityType: 'theme', id, version: expected + 1, deleted: true, at });
      return { status: 'accepted', doc: null, version: expected + 1 };
    });
  }

  return { get, detail, list, save, create, remove };
}
