import { demoUser } from '../support/e2e-state.js';
import { expect, test } from '../support/fixtures.js';

// The kiosk opened without a provisioned `?token=`: the screen operator signs in on the page.
test('the war-room kiosk asks for a sign-in without a token, then shows the theme by name', async ({ page, stack }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/warroom/demo-festival?lang=zh');
  await expect(page.locator('#signin')).toBeVisible();
  await expect(page.locator('#status')).toHaveText('未登录');
  await page.screenshot({ path: '../docs/screenshots/warroom-sign-in.png' });

  const screen = demoUser('screen', stack);
  await page.locator('#signin-user').fill(screen.username);
  await page.locator('#signin-pass').fill('not-the-password');
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin-msg')).toHaveText('用户名或密码错误');

  await page.locator('#signin-pass').fill(screen.password);
  await page.locator('#signin-submit').click();
  await expect(page.locator('#signin')).toBeHidden();
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#theme-name')).toHaveText('欢乐购物节');
  await expect(page.locator('#orders')).not.toHaveText('—');
  expect(page.url()).not.toContain('token=');

  // The tab keeps its session: a reload connects without the card.
  await page.reload();
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#signin')).toBeHidden();

  // Signing out ends the session on the server and leaves the card for the next operator, across a reload too.
  const session = await page.evaluate(() => sessionStorage.getItem('warroom.token'));
  expect(session).toBeTruthy();
  await page.locator('#signout').click();
  await expect(page.locator('#signin')).toBeVisible();
  await expect(page.locator('#status')).toHaveText('未登录');
  await expect(page.locator('#signout')).toBeHidden();
  await expect(page.locator('#orders')).toHaveText('—');
  await expect.poll(async () => (await page.request.get('/api/v1/auth/me', { headers: { Authorization: `Bearer ${session}` } })).status()).toBe(401);
  await page.reload();
  await expect(page.locator('#signin')).toBeVisible();
});

test('a refused provisioning token falls back to the sign-in card with the reason', async ({ page }) => {
  await page.goto('/warroom/demo-festival?token=expired-or-made-up&lang=en');
  await expect(page.locator('#signin')).toBeVisible();
  await expect(page.locator('#signin-msg')).toHaveText('The sign-in expired or the token was refused: sign in again');
  await expect(page.locator('#status')).toHaveText('Signed out');
});
