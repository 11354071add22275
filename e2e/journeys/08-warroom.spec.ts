import { expect, test } from '../support/fixtures.js';

// Not one of the studio journeys: the kiosk screen of a sales festival, fed over socket.io /live.
test('the war-room kiosk shows the demo festival live and counts an order a store just placed', async ({ page, request, stack, tokenFor }) => {
  const token = await tokenFor('screen');
  const order = await request.post('/api/v1/orders', {
    headers: { authorization: `Bearer ${stack.apiKey}` },
    data: { orderId: `e2e-warroom-${Date.now()}`, userId: 'e2e-warroom-buyer', channel: 'app', region: { province: '31' }, cart: { lines: [{ sku: 'FRUIT-01', quantity: 12 }] } },
  });
  expect(order.ok(), await order.text()).toBe(true);
  expect(((await order.json()) as { status: string }).status).toBe('committed');

  await page.goto(`/warroom/demo-festival?token=${encodeURIComponent(token)}&lang=zh`);
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#orders')).not.toHaveText('—');
  expect(Number((await page.locator('#orders').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#gmv')).toHaveText(/¥/);
  await expect(page.locator('#clock')).not.toBeEmpty();
  await page.screenshot({ path: '../docs/screenshots/war-room.png' });
});
