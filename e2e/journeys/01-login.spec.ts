import { demoUser } from '../support/e2e-state.js';
import { STUDIO_PATH, expect, test } from '../support/fixtures.js';

test('a planner with a wrong password sees a message and stays on the login screen; the right one lands on the campaign list', async ({ page }) => {
  const planner = demoUser('planner');
  await page.goto(STUDIO_PATH);
  await expect(page.getByTestId('login-form')).toBeVisible();

  await page.getByTestId('login-username').fill(planner.username);
  await page.getByTestId('login-password').fill(`${planner.password}-wrong`);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).not.toBeEmpty();
  await expect(page.getByTestId('campaign-table')).toHaveCount(0);

  await page.getByTestId('login-password').fill(planner.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/campaigns$/);
  await expect(page.getByTestId('campaign-row').first()).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('策划');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced');
  await page.screenshot({ path: '../docs/screenshots/campaign-list.png' });
});
