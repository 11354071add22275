import type { Campaign, LiveRoomRef, QuoteResult } from '@promo/shared';
import { liveRoomName } from '@promo/shared';
import type { AppDeps } from '../app/deps.js';
import { flashItemsOf, type CampaignSource, type SaleItemConfig } from '../flash-sale/sale-catalog.js';
import { listThemeRows } from '../themes/theme.repo.js';
import type { RoomShare } from './live-aggregates.js';

/** Theme budgets change rarely; re-read this often. */
const THEME_REFRESH_MS = 10_000;

/** What the war room knows about campaigns and themes: rooms of an order, budgets, flash SKUs. */
export interface LiveDirectory {
  /** The campaign rooms of the applied campaigns plus the rooms of their themes, with their discount. */
  roomsOf(result: Pick<QuoteResult, 'applied'>): RoomShare[];
  /** The budget of a room in fen; null when unlimited or unknown. */
  budgetOf(room: LiveRoomRef): number | null;
  /** Flash-sale SKUs of a campaign, or of every campaign of a theme. */
  flashItemsOf(room: LiveRoomRef): SaleItemConfig[];
  themeOf(campaignId: string): string | undefined;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** `campaigns` is the app's shared live campaigns (`ModuleContext.liveCampaigns`), started and closed by createApp. */
export function createLiveDirectory(deps: Pick<AppDeps, 'db' | 'logger'>, campaigns: CampaignSource): LiveDirectory {
  const logger = deps.logger.child({ module: 'live-directory' });
  let themeBudgets = new Map<string, number | null>();
  let timer: NodeJS.Timeout | null = null;
  let indexed = { version: -1, byId: new Map<string, Campaign>(), byTheme: new Map<string, Campaign[]>() };

  function index() {
    const snap = campaigns.snapshot();
    if (snap.version !== indexed.version) {
      const byTheme = new Map<string, Campaign[]>();
      for (const c of snap.campaigns) if (c.themeId) byTheme.set(c.themeId, [...(byTheme.get(c.themeId) ?? []), c]);
      indexed = { version: snap.version, byId: new Map(snap.campaigns.map((c) => [c.id, c])), byTheme };
    }
    return indexed;
  }

  async function loadThemes(): Promise<void> {
    const rows = await listThemeRows(deps.db);
    themeBudgets = new Map(rows.map((r) => [r.id, r.budget === null ? null : Number(r.budget)]));
  }

  return {
    roomsOf(result) {
      const { byId } = index();
      const shares = new Map<string, number>();
      for (const applied of result.applied) {
        const campaignRoom = liveRoomName({ kind: 'campaign', id: applied.campaignId });
        shares.set(campaignRoom, (shares.get(campaignRoom) ?? 0) + applied.amount);
        const themeId = byId.get(applied.campaignId)?.themeId;
        if (themeId) {
          const themeRoom = liveRoomName({ kind: 'theme', id: themeId });
          shares.set(themeRoom, (shares.get(themeRoom) ?? 0) + applied.amount);
        }
      }
      return [...shares].map(([room, discount]) => ({ room, discount }));
    },
    budgetOf(room) {
      if (room.kind === 'theme') return themeBudgets.get(room.id) ?? null;
      return index().byId.get(room.id)?.limits.budget ?? null;
    },
    flashItemsOf(room) {
      const { byId, byTheme } = index();
      const list = room.kind === 'campaign' ? [byId.get(room.id)].filter((c): c is Campaign => c !== undefined) : (byTheme.get(room.id) ?? []);
      return list.flatMap(flashItemsOf);
    },
    themeOf: (campaignId) => index().byId.get(campaignId)?.themeId,
    async start() {
      await loadThemes();
      timer = setInterval(() => void loadThemes().catch((err: unknown) => logger.warn({ err }, 'theme reload failed')), THEME_REFRESH_MS);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
    },
  };
}
