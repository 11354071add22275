import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { demoThemeId, OPEN_FLASH, openFlashSale, startSaleTraffic } from '../support/warroom-traffic.js';

/** A number as the kiosk prints it ("¥12,345.67", "1,234", "42"). */
async function shown(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).innerText()).replace(/[^0-9.-]/g, '');
  return text === '' ? Number.NaN : Number(text);
}

/** Flash stock left per SKU, as the burn-down panel lists it. */
async function stockLeft(page: Page, sku: string): Promise<number> {
  return shown(page, `#stock-list [data-sku="${sku}"] .left`);
}

test('the war-room kiosk follows simulated sale traffic: GMV and orders climb and the flash stock burns down', async ({ page, request, stack, tokenFor }) => {
  const screen = await tokenFor('screen');
  const themeId = await demoThemeId(request, screen);
  await openFlashSale(request, await tokenFor('admin'), themeId);

  await page.goto(`/warroom/${encodeURIComponent(themeId)}?token=${encodeURIComponent(screen)}&lang=zh`);
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#orders')).toHaveText(/^[\d,]+$/);
  // The new flash sale is in the theme's burn-down once the server's directory picked it up.
  const sku = OPEN_FLASH.skus[0]!;
  await expect(page.locator(`#stock-list [data-sku="${sku}"]`)).toBeVisible({ timeout: 20_000 });
  const allocated = OPEN_FLASH.stock[sku]!;
  await expect(page.locator(`#stock-list [data-sku="${sku}"] .of`)).toHaveText(`/ ${allocated}`);
  // Stock left reads "—" until the slot's stock is first warmed (the first reservation), then a number.
  const before = { orders: await shown(page, '#orders'), gmv: await shown(page, '#gmv'), stock: await stockLeft(page, sku) };
  expect(Number.isNaN(before.stock) || before.stock === allocated).toBe(true);

  const traffic = startSaleTraffic(stack, { seconds: 60, ordersPerSecond: 6 });
  try {
    await expect.poll(() => shown(page, '#orders'), { timeout: 30_000 }).toBeGreaterThan(before.orders + 10);
    await expect.poll(() => shown(page, '#gmv'), { timeout: 30_000 }).toBeGreaterThan(before.gmv);
    await expect.poll(() => stockLeft(page, sku), { timeout: 30_000 }).toBeLessThan(allocated);
    await expect.poll(async () => (await page.locator('#chart-region canvas, #chart-region svg').count()) > 0).toBe(true);
    // A full minute of traffic is not needed: stop once the screen has clearly moved.
    await expect.poll(() => shown(page, '#buyers')).toBeGreaterThan(5);
    await page.screenshot({ path: '../docs/screenshots/warroom.png' });
  } finally {
    const result = await traffic.stop();
    expect(result.committed, JSON.stringify(result)).toBeGreaterThan(10);
    expect(result.reservations).toBeGreaterThan(0);
  }
});
