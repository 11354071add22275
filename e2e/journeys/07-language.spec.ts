import { expect, test } from '../support/fixtures.js';

test('switching between Chinese and English relabels the studio and survives a reload', async ({ page, signIn }) => {
  await signIn(page);
  const nav = page.getByTestId('nav-campaigns');
  const toggle = page.getByTestId('language-toggle');
  // The browser speaks zh-CN, so the studio starts in Chinese.
  await expect(nav).toHaveText(/活动/);
  await expect(toggle).toHaveText('English');

  await toggle.click();
  await expect(nav).toHaveText(/Campaigns/);
  await expect(page.getByTestId('nav-simulator')).toHaveText(/Simulator/);
  await expect(toggle).toHaveText('中文');

  await page.reload();
  await expect(page.getByTestId('campaign-table')).toBeVisible();
  await expect(nav).toHaveText(/Campaigns/);
  await expect(page.getByTestId('nav-sync')).toHaveText(/Sync/);
  // The festival's campaigns only (other journeys add theirs to the same server).
  await page.getByTestId('filter-theme').selectOption('demo-festival');
  await expect(page.getByTestId('campaign-row').first()).toContainText(/[A-Za-z]/);
  await expect(page.getByTestId('campaign-count')).toContainText('9');
  await page.screenshot({ path: '../docs/screenshots/campaign-list-en.png' });

  await toggle.click();
  await expect(nav).toHaveText(/活动/);
  await page.reload();
  await expect(page.getByTestId('campaign-table')).toBeVisible();
  await expect(nav).toHaveText(/活动/);
  await expect(page.getByTestId('nav-simulator')).toHaveText(/模拟器/);
});
