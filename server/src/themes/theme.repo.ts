import { ThemeSchema, type Theme } from '@promo/shared';
import type { Knex } from 'knex';
import type { ThemeDoc } from './theme.schema.js';

type Db = Knex | Knex.Transaction;

export interface ThemeRow {
  id: string;
  name: string;
  name_en: string | null;
  start_time: number | string;
  end_time: number | string;
  budget: number | string | null;
  doc: string;
  version: number;
  updated_at: number | string;
  updated_by: string;
  deleted: number | boolean;
}

export function toThemeDoc(row: ThemeRow): ThemeDoc {
  const theme = ThemeSchema.parse({ ...(JSON.parse(row.doc) as Record<string, unknown>), version: row.version });
  return { ...theme, updatedAt: Number(row.updated_at), updatedBy: row.updated_by };
}

function columns(theme: Theme) {
  const { version: _version, ...content } = theme;
  return {
    name: theme.name,
    name_en: theme.nameEn ?? null,
    start_time: Date.parse(theme.start),
    end_time: Date.parse(theme.end),
    budget: theme.budget ?? null,
    doc: JSON.stringify(content),
  };
}

export async function getThemeRow(db: Db, id: string): Promise<ThemeRow | undefined> {
  return db<ThemeRow>('themes').where({ id }).first();
}

export async function listThemeRows(db: Db): Promise<ThemeRow[]> {
  return db<ThemeRow>('themes').where({ deleted: false }).orderBy('start_time', 'desc').orderBy('id');
}

export async function insertTheme(trx: Knex.Transaction, theme: Theme, actor: string, at: number): Promise<void> {
  await trx('themes').insert({ id: theme.id, ...columns(theme), version: 1, updated_at: at, updated_by: actor, deleted: false });
}

/** Compare-and-set save (also revives a tombstone whose version matches). */
export async function updateThemeCas(trx: Knex.Transaction, theme: Theme, baseVersion: number, actor: string, at: number): Promise<boolean> {
  const changed = await trx('themes').where({ id: theme.id, version: baseVersion }).update({ ...columns(theme), version: baseVersion + 1, updated_at: at, updated_by: actor, deleted: false });
  return changed === 1;
}

export async function deleteThemeCas(trx: Knex.Transaction, id: string, baseVersion: number, actor: string, at: number): Promise<boolean> {
  const changed = await trx('themes').where({ id, version: baseVersion, deleted: false }).update({ deleted: true, version: baseVersion + 1, updated_at: at, updated_by: actor });
  return changed === 1;
}
