import { STUDIO_PATH, expect, test } from '../support/fixtures.js';
import { createDraft, expectSynced, setTier } from '../support/studio-pages.js';

test('two planners edit the same campaign; the one who was offline sees the conflict and merges field by field', async ({ browser, page, context, signIn, serverCampaign }) => {
  // Planner A (this page) creates the campaign; planner B works in a second browser profile.
  await signIn(page, 'planner');
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 冲突原稿');
  await expect.poll(async () => (await serverCampaign(id))?.name, { timeout: 20_000 }).toBe('E2E 冲突原稿');
  await expectSynced(page);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    await signIn(other, 'admin');
    await other.locator(`[data-testid="campaign-row"][data-campaign-id="${id}"]`).click();
    await expect(other.getByTestId('campaign-name')).toHaveValue('E2E 冲突原稿');

    // A goes offline and edits the name and the tiers; meanwhile B renames it and adds an English name.
    await context.setOffline(true);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'offline');
    await page.getByTestId('campaign-name').fill('E2E A 的名字');
    await page.getByTestId('tab-offer').click();
    await setTier(page, 0, '120', '20');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');

    await other.getByTestId('campaign-name').fill('E2E B 的名字');
    await other.getByTestId('campaign-name-en').fill('Renamed by B');
    await expect
      .poll(async () => {
        const doc = await serverCampaign(id);
        return [doc?.name, doc?.nameEn];
      }, { timeout: 20_000 })
      .toEqual(['E2E B 的名字', 'Renamed by B']);
    await expectSynced(other);
  } finally {
    await otherContext.close();
  }

  // Back online A's push is refused as stale: the badge shows the conflict, nothing was overwritten.
  await context.setOffline(false);
  const badge = page.getByTestId('sync-status');
  await expect(badge).toHaveAttribute('data-phase', 'conflict', { timeout: 30_000 });
  expect((await serverCampaign(id))?.name).toBe('E2E B 的名字');

  await badge.click();
  await expect(page.getByTestId('conflict-row')).toHaveCount(1);
  await page.getByTestId('conflict-resolve').click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  const field = (path: string) => dialog.locator(`[data-testid="conflict-field"][data-path="${path}"]`);
  await expect(field('name').getByTestId('conflict-choose-mine')).toHaveText('E2E A 的名字');
  await expect(field('name').getByTestId('conflict-choose-theirs')).toHaveText('E2E B 的名字');
  await expect(field('nameEn').getByTestId('conflict-choose-theirs')).toHaveText('Renamed by B');
  await expect(field('graph')).toBeVisible();
  // Keep my name and my tiers (the graph), take B's English name.
  await field('nameEn').getByTestId('conflict-choose-theirs').click();
  await expect(field('nameEn').getByTestId('conflict-choose-theirs')).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: '../docs/screenshots/conflict-dialog.png' });
  await page.getByTestId('conflict-merge').click();
  await expect(dialog).toHaveCount(0);

  await expectSynced(page);
  const merged = (await serverCampaign(id))!;
  expect([merged.name, merged.nameEn]).toEqual(['E2E A 的名字', 'Renamed by B']);
  expect(merged.graph.nodes.find((n) => n.type === 'offer')?.args.offer).toMatchObject({ tiers: [{ minSpend: 12_000, off: 2_000 }, { minSpend: 20_000, off: 3_000 }] });
  await expect(page.getByTestId('conflict-row')).toHaveCount(0);
  await page.goto(`${STUDIO_PATH}#/campaigns/${id}`);
  await expect(page.getByTestId('campaign-name')).toHaveValue('E2E A 的名字');
  await expect(page.getByTestId('campaign-name-en')).toHaveValue('Renamed by B');
});
