import { expect, type Page } from '@playwright/test';

export type CampaignKind = 'threshold_off' | 'percent_off' | 'gift' | 'flash_sale' | 'group_buy' | 'new_user' | 'member';

/** New campaign menu → kind template; resolves with the id of the draft the editor opened. */
export async function createDraft(page: Page, kind: CampaignKind): Promise<string> {
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('new-campaign').click();
  await page.getByTestId(`new-campaign-${kind}`).click();
  const editor = page.getByTestId('campaign-editor');
  await expect(editor).toBeVisible();
  const id = await editor.getAttribute('data-campaign-id');
  if (!id) throw new Error('the editor shows no campaign id');
  return id;
}

/** The header badge says everything local reached the server (nothing pending, no conflict). */
export async function expectSynced(page: Page): Promise<void> {
  const badge = page.getByTestId('sync-status');
  await expect(badge).toHaveAttribute('data-phase', 'synced', { timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-pending', '0');
}

/** Sets one 满减 tier in the offer tab, in yuan as a planner types it. */
export async function setTier(page: Page, index: number, minSpendYuan: string, offYuan: string): Promise<void> {
  await page.getByTestId(`offer-offer.tiers-${index}-minSpend`).fill(minSpendYuan);
  await page.getByTestId(`offer-offer.tiers-${index}-off`).fill(offYuan);
}

/** `YYYY-MM-DDTHH:mm` of `ms` on the wall clock of Shanghai (the campaigns' time zone), for datetime-local inputs. */
export function shanghaiInput(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Moves the schedule's start to the last full minute an hour ago, so the campaign is live now
 * (templates start at the next full hour); resolves with that instant in epoch ms.
 */
export async function startScheduleNow(page: Page, nowMs: number): Promise<number> {
  const start = Math.floor((nowMs - 3_600_000) / 60_000) * 60_000;
  await page.getByTestId('tab-schedule').click();
  await page.getByTestId('schedule-start').fill(shanghaiInput(start));
  await expect(page.getByTestId('schedule-start')).toHaveValue(shanghaiInput(start));
  return start;
}

/** A rule-graph node on the canvas by its type (the first when there are several). */
export function ruleNode(page: Page, type: string) {
  return page.locator(`[data-testid="rule-node"][data-node-type="${type}"]`).first();
}

/**
 * Connects two nodes the way a planner does: press on the source's output handle, drag to the
 * target's input handle, release (React Flow listens to pointer moves, so the move has steps).
 */
export async function connectNodes(page: Page, sourceType: string, targetType: string): Promise<void> {
  const from = await ruleNode(page, sourceType).getByTestId('handle-out').boundingBox();
  const to = await ruleNode(page, targetType).getByTestId('handle-in').boundingBox();
  if (!from || !to) throw new Error(`handles of ${sourceType} → ${targetType} are not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A campaign as the studio keeps it in its offline store (IndexedDB), or null. */
export interface LocalCampaignRecord {
  doc: { name: string; graph: { nodes: { type: string; args: Record<string, unknown> }[] } };
  dirty: boolean;
  baseVersion: number;
}

/**
 * Reads the studio's local copy of a campaign straight from IndexedDB (database
 * `promo-studio:<user>@same-origin`, store `campaigns`): the studio autosaves edits there a moment
 * after they are made, so specs wait on this before leaving the editor or going online.
 */
export async function localCampaign(page: Page, username: string, id: string): Promise<LocalCampaignRecord | null> {
  return page.evaluate(
    ({ name, key }) =>
      new Promise<LocalCampaignRecord | null>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('campaigns')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('campaigns').objectStore('campaigns').get(key);
          get.onerror = () => reject(get.error ?? new Error('get failed'));
          get.onsuccess = () => {
            db.close();
            resolve((get.result as LocalCampaignRecord | undefined) ?? null);
          };
        };
      }),
    { name: `promo-studio:${username}@same-origin`, key: id },
  );
}

/** The 满减 tiers (fen) of a campaign's first offer node. */
export function tiersOf(record: LocalCampaignRecord | null): unknown {
  const offer = record?.doc.graph.nodes.find((n) => n.type === 'offer')?.args.offer;
  return offer && typeof offer === 'object' && 'tiers' in offer ? offer.tiers : undefined;
}
