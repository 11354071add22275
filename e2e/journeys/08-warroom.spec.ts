import { expect, test } from '../support/fixtures.js';

interface EChartsInstance {
  getOption(): { series?: { data?: unknown[] }[] };
  on(event: 'finished', handler: () => void): void;
  off(event: 'finished', handler: () => void): void;
}
declare global {
  interface Window {
    echarts?: { getInstanceByDom(element: HTMLElement): EChartsInstance | undefined };
  }
}

/** In the page: the sum of the numbers in a kiosk chart's first series. */
function chartSeriesTotal(id: string): number {
  const element = document.getElementById(id);
  const data = element ? window.echarts?.getInstanceByDom(element)?.getOption().series?.[0]?.data : undefined;
  return (data ?? []).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
}

/** In the page: resolves when every kiosk chart has emitted `finished` (end of render and animation). */
function chartsSettled(): Promise<void> {
  const charts = [...document.querySelectorAll<HTMLElement>('.chart')].map((el) => window.echarts?.getInstanceByDom(el)).filter((c) => c !== undefined);
  return Promise.all(
    charts.map(
      (chart) =>
        new Promise<void>((resolve) => {
          const done = () => {
            chart.off('finished', done);
            resolve();
          };
          chart.on('finished', done);
        }),
    ),
  ).then(() => undefined);
}

// Not one of the studio journeys: the kiosk screen of a sales festival, fed over socket.io /live.
test('the war-room kiosk shows the demo festival live and counts an order a store just placed', async ({ page, request, stack, tokenFor, signIn }) => {
  const token = await tokenFor('screen');
  const order = await request.post('/api/v1/orders', {
    headers: { authorization: `Bearer ${stack.apiKey}` },
    data: { orderId: `e2e-warroom-${Date.now()}`, userId: 'e2e-warroom-buyer', channel: 'app', region: { province: '31' }, cart: { lines: [{ sku: 'FRUIT-01', quantity: 12 }] } },
  });
  expect(order.ok(), await order.text()).toBe(true);
  expect(((await order.json()) as { status: string }).status).toBe('committed');

  // A kiosk is a full-HD wall screen.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/warroom/demo-festival?token=${encodeURIComponent(token)}&lang=zh`);
  await expect(page.locator('#status')).toHaveClass(/ok/);
  await expect(page.locator('#orders')).not.toHaveText('—');
  expect(Number((await page.locator('#orders').innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
  await expect(page.locator('#gmv')).toHaveText(/¥/);
  await expect(page.locator('#clock')).not.toBeEmpty();
  // The orders-per-minute chart counts the order too (read from the ECharts instance on the page).
  await expect.poll(() => page.evaluate(chartSeriesTotal, 'chart-opm')).toBeGreaterThanOrEqual(1);
  // Charts animate each 1 Hz update: shoot once every chart has finished rendering the next one.
  await page.evaluate(chartsSettled);
  await page.screenshot({ path: '../docs/screenshots/war-room.png' });

  // The same room inside the studio, for a planner.
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByTestId('nav-live').click();
  await page.getByTestId('live-room').selectOption('theme:demo-festival');
  await expect(page.getByTestId('live-connection')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('kpi-orders').locator('.kpi__value')).not.toHaveText('0');
  await expect(page.getByTestId('kpi-gmv')).toContainText('¥');
  await page.screenshot({ path: '../docs/screenshots/war-room-in-studio.png' });
});
