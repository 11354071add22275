import type { Knex } from 'knex';

const TTL_MS = 5_000;

/** Budget (fen) per theme id for themes that set one; a theme's campaigns share it. */
export interface ThemeBudgets {
  get(options?: { fresh?: boolean }): Promise<ReadonlyMap<string, number>>;
}

/**
 * Theme budgets from SQL, refreshed lazily every few seconds for quotes (themes change rarely);
 * commits read fresh. One small query for all themes, not one per quote.
 */
export function createThemeBudgets(db: Knex, now: () => number = Date.now): ThemeBudgets {
  let cached: { at: number; budgets: Promise<ReadonlyMap<string, number>> } | null = null;
  async function load(): Promise<ReadonlyMap<string, number>> {
    const rows = await db('themes').where({ deleted: false }).whereNotNull('budget').select<{ id: string; budget: number | string }[]>('id', 'budget');
    return new Map(rows.map((r) => [r.id, Number(r.budget)]));
  }
  return {
    get(options) {
      const t = now();
      if (options?.fresh || !cached || t - cached.at >= TTL_MS) {
        const budgets = load();
        cached = { at: t, budgets };
        budgets.catch(() => {
          cached = null;
        });
        return budgets;
      }
      return cached.budgets;
    },
  };
}
