import { expect, test } from '../support/fixtures.js';
import { demoUser } from '../support/e2e-state.js';
import { createDraft, localCampaign, setTier, tiersOf } from '../support/studio-pages.js';

test('a planner simulates a cart against a draft 满减 and reads the discount, per tier, with the 凑单 hint', async ({ page, signIn }) => {
  await signIn(page);
  const id = await createDraft(page, 'threshold_off');
  await page.getByTestId('campaign-name').fill('E2E 模拟满减');
  await page.getByTestId('tab-offer').click();
  await setTier(page, 0, '100', '70');
  await setTier(page, 1, '250', '95');
  await expect(page.getByTestId('offer-preview')).toHaveText('满100减70, 满250减95');
  // Leave the editor once the edit is in the offline store (the studio autosaves a moment later).
  await expect
    .poll(async () => {
      const local = await localCampaign(page, demoUser('planner').username, id);
      return { name: local?.doc.name, tiers: tiersOf(local) };
    })
    .toEqual({ name: 'E2E 模拟满减', tiers: [{ minSpend: 10_000, off: 7_000 }, { minSpend: 25_000, off: 9_500 }] });

  await page.getByTestId('simulate-campaign').click();
  await expect(page.getByTestId('sim-draft')).toHaveValue(id);
  await page.getByTestId('sim-search').fill('FRUIT-01');
  await page.getByTestId('sim-add-FRUIT-01').click();
  await page.getByTestId('sim-qty-FRUIT-01').fill('10');

  // Ten bags at ¥12.90 = ¥129.00: the ¥100 tier, ¥121.00 short of the next one. Other journeys may
  // have published 满减 campaigns on this server: these tiers are deliberately better than theirs,
  // so the engine picks this exclusive draft over them.
  const mine = page.locator(`[data-testid="sim-applied"][data-campaign-id="${id}"]`);
  await expect(mine).toContainText('¥70.00');
  await expect(mine).toContainText('E2E 模拟满减');
  await expect(page.getByTestId('sim-hint').filter({ hasText: '再买¥121.00可减¥95.00' })).toHaveCount(1);
  const discount = Number(await page.getByTestId('sim-discount').getAttribute('data-fen'));
  expect(discount).toBeGreaterThanOrEqual(7_000);
  await expect(page.getByTestId('sim-total')).toHaveAttribute('data-fen', String(12_900 - discount));
  await page.screenshot({ path: '../docs/screenshots/simulator.png', fullPage: true });

  // Twenty bags = ¥258.00 reach the second tier.
  await page.getByTestId('sim-qty-FRUIT-01').fill('20');
  await expect(mine).toContainText('¥95.00');
});
