import { expect, test } from '../support/fixtures.js';

// Draft (not in the suite, see drafts/README.md): needs the war-room page module mounted in
// server/src/app/modules.ts and the /live socket namespace.
test('the war-room kiosk shows the demo festival live and counts an order a store just placed', async ({ page, request, stack, tokenFor }) => {
  const token = await tokenFor('screen');
  const order = await request.post('/api/v1/orders', {
    headers: { authorization: `Bearer ${stack.apiKey}` },
    data: { orderId: `e2e-warroom-${Date.now()}`, userId: 'e2e-warroom-buyer', channel: 'app', region: { province: '31' }, cart: { lines: [{ sku: 'FRUIT-01', quantity: 12 }] } },
  });
  expect(order.status(), await order.text()).toBe(201);

  await page.goto(`/warroom/demo-festival?token=${encodeURIComponent(token)}&lang=zh`);
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#orders')).not.toHaveText('—');
  expect(Number((await page.locator('#orders').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#gmv')).toHaveText(/¥/);
  await expect(page.locator('#clock')).not.toBeEmpty();
  await page.screenshot({ path: '../docs/screenshots/war-room.png' });
});
