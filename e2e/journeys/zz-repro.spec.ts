import { expect, test } from '../support/fixtures.js';
import { createDraft, setTier } from '../support/studio-pages.js';

test('repro self conflict', async ({ page, signIn }) => {
  const t0 = Date.now();
  const log: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/sync/push')) log.push(`${Date.now() - t0} PUSH ${r.postData()?.replace(/"doc":\{.*?"graph".*?\}\}\]\}/, '').slice(0, 200)}`); });
  page.on('response', async (r) => { if (r.url().includes('/sync/')) log.push(`${Date.now() - t0} ${r.url().split('/api/v1')[1]} -> ${(await r.text()).replace(/"doc":\{[^]*?"graph"[^]*?\}\}/g, '"doc":…').slice(0, 250)}`); });
  await signIn(page);
  for (let round = 0; round < 6; round++) {
    await createDraft(page, 'threshold_off');
    await page.getByTestId('tab-offer').click();
    for (let i = 0; i < 8; i++) {
      await setTier(page, 0, String(100 + i), String(10 + i));
      await page.getByTestId('campaign-name').fill(`R${round}-${i}`);
    }
    const phase = await page.getByTestId('sync-status').getAttribute('data-phase');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', /synced|conflict/, { timeout: 20000 });
    const final = await page.getByTestId('sync-status').getAttribute('data-phase');
    console.log('round', round, phase, final);
    if (final === 'conflict') { console.log(log.join('\n')); break; }
  }
});
