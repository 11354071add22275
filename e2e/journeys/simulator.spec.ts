import { expect, test } from '../support/fixtures.js';
import { demoUser } from '../support/e2e-state.js';
import { createDraft, localCampaign, setTier, tiersOf } from '../support/studio-pages.js';

test('a planner simulates a cart against a draft 满减 and reads the discount, per tier, with the 凑单 hint', async ({ page, signIn }) => {
  await signIn(page);
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 模拟满减');
  await page.getByTestId('tab-offer').click();
  await setTier(page, 0, '100', '60');
  await setTier(page, 1, '200', '80');
  await expect(page.getByTestId('offer-preview')).toHaveText('满100减60, 满200减80');
  // Leave the editor once the edit is in the offline store (the studio autosaves a moment later).
  await expect
    .poll(async () => {
      const local = await localCampaign(page, demoUser('planner').username, id);
      return { name: local?.doc.name, tiers: tiersOf(local) };
    })
    .toEqual({ name: 'E2E 模拟满减', tiers: [{ minSpend: 10_000, off: 6_000 }, { minSpend: 20_000, off: 8_000 }] });

  await page.getByTestId('simulate-campaign').click();
  await expect(page.getByTestId('sim-draft')).toHaveValue(id);
  await page.getByTestId('sim-search').fill('FRUIT-01');
  await page.getByTestId('sim-add-FRUIT-01').click();
  await page.getByTestId('sim-qty-FRUIT-01').fill('10');

  // Ten bags at ¥12.90 = ¥129.00: the ¥100 tier, ¥71.00 short of the next one.
  const mine = page.locator(`[data-testid="sim-applied"][data-campaign-id="${id}"]`);
  await expect(mine).toContainText('¥60.00');
  await expect(mine).toContainText('E2E 模拟满减');
  await expect(page.getByTestId('sim-hint').filter({ hasText: '再买¥71.00可减¥80.00' })).toHaveCount(1);
  const discount = Number(await page.getByTestId('sim-discount').getAttribute('data-fen'));
  expect(discount).toBeGreaterThanOrEqual(6_000);
  await expect(page.getByTestId('sim-total')).toHaveAttribute('data-fen', String(12_900 - discount));
  await page.screenshot({ path: '../docs/screenshots/simulator.png', fullPage: true });

  await page.getByTestId('sim-qty-FRUIT-01').fill('16');
  await expect(mine).toContainText('¥80.00');
});
