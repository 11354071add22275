import { expect, test } from '../support/fixtures.js';
import { createDraft, expectSynced, setTier, startScheduleNow } from '../support/studio-pages.js';

// Ten bags of Fuji apples (¥12.90 each): ¥129 after the item stage, so the ¥100 tier applies.
const cart = { userId: 'e2e-shopper-publish', channel: 'app', cart: { lines: [{ sku: 'FRUIT-01', quantity: 10 }] } };

test('a 满减 campaign published in the studio prices the next store quote', async ({ page, signIn, storeQuote, serverCampaign }) => {
  await signIn(page);
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 满100减60');

  await page.getByTestId('tab-offer').click();
  await setTier(page, 0, '100', '60');
  await setTier(page, 1, '200', '80');
  await expect(page.getByTestId('offer-preview')).toHaveText('满100减60, 满200减80');
  const start = await startScheduleNow(page, Date.now());
  // The studio saves locally, then its sync pushes: wait until the server holds the edited draft.
  await expect
    .poll(async () => {
      const doc = await serverCampaign(id);
      return doc && { start: Date.parse(doc.schedule.start), offer: doc.graph.nodes.find((n) => n.type === 'offer')?.args.offer };
    }, { timeout: 20_000 })
    .toEqual({ start, offer: { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 6_000 }, { minSpend: 20_000, off: 8_000 }] } });
  await expectSynced(page);

  const before = await storeQuote(cart);
  expect(before.totals.subtotal).toBe(12_900);
  expect(before.applied.map((a) => a.campaignId)).not.toContain(id);

  await page.getByTestId('tab-publish').click();
  await expect(page.getByTestId('publish-valid')).toBeVisible();
  await page.getByTestId('lifecycle-publish').click();
  await expect(page.getByTestId('campaign-status')).toHaveClass(/badge--live/);
  await expect(page.getByTestId('toast').first()).toBeVisible();

  await expect
    .poll(async () => (await storeQuote(cart)).applied.find((a) => a.campaignId === id)?.amount, { timeout: 20_000 })
    .toBe(6_000);
  const after = await storeQuote(cart);
  expect(after.totals.total).toBeLessThan(before.totals.total);
  expect((await serverCampaign(id))?.status).toBe('live');
});
