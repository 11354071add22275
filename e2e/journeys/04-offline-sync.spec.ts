import { demoUser } from '../support/e2e-state.js';
import { expect, test } from '../support/fixtures.js';
import { createDraft, expectSynced, localCampaign, setTier, tiersOf } from '../support/studio-pages.js';

test('a planner edits a campaign offline, and once back online the studio syncs it and the server has the new version', async ({ page, context, signIn, serverCampaign }) => {
  const planner = demoUser('planner');
  await signIn(page);
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 离线前');
  await expect.poll(async () => (await serverCampaign(id))?.name, { timeout: 20_000 }).toBe('E2E 离线前');
  await expectSynced(page);
  const before = (await serverCampaign(id))!;

  await context.setOffline(true);
  const badge = page.getByTestId('sync-status');
  await expect(badge).toHaveAttribute('data-phase', 'offline');
  await page.getByTestId('campaign-name').fill('E2E 离线改过');
  await page.getByTestId('tab-offer').click();
  await setTier(page, 0, '150', '25');
  await expect(page.getByTestId('offer-preview')).toHaveText('满150减25, 满200减30');
  // Saved locally and queued: the badge counts it, the server has not seen it.
  await expect
    .poll(async () => {
      const local = await localCampaign(page, planner.username, id);
      return { name: local?.doc.name, dirty: local?.dirty, tiers: tiersOf(local) };
    })
    .toEqual({ name: 'E2E 离线改过', dirty: true, tiers: [{ minSpend: 15_000, off: 2_500 }, { minSpend: 20_000, off: 3_000 }] });
  await expect(badge).toHaveAttribute('data-pending', '1');
  await expect(badge).toHaveAttribute('data-phase', 'offline');
  await page.screenshot({ path: '../docs/screenshots/offline-editing.png' });
  expect((await serverCampaign(id))?.name).toBe('E2E 离线前');

  await context.setOffline(false);
  await expectSynced(page);
  const after = (await serverCampaign(id))!;
  expect(after.name).toBe('E2E 离线改过');
  expect(after.version).toBeGreaterThan(before.version);
  expect(after.graph.nodes.find((n) => n.type === 'offer')?.args.offer).toEqual({
    kind: 'threshold_off',
    mode: 'tiers',
    tiers: [{ minSpend: 15_000, off: 2_500 }, { minSpend: 20_000, off: 3_000 }],
  });
  await expect.poll(async () => (await localCampaign(page, planner.username, id))?.dirty).toBe(false);
});
