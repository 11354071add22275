import { describe, expect, it } from 'vitest';
import { startBanner } from './start-banner.js';

describe('start banner', () => {
  it('names the studio address when its build is served', () => {
    const line = startBanner('http://127.0.0.1:8080', '/srv/studio');
    expect(line).toContain('studio http://127.0.0.1:8080/studio/');
    expect(line).not.toContain('no studio build');
  });

  it('says how to build the studio instead of printing an address that would 404', () => {
    const line = startBanner('http://127.0.0.1:8080', undefined);
    expect(line).toContain('no studio build');
    expect(line).toContain('pnpm --filter @promo/desktop build:web');
    expect(line).not.toMatch(/studio http:/);
  });

  it('starts with the address the shutdown test and scripts look for', () => {
    expect(startBanner('http://127.0.0.1:9', undefined)).toMatch(/^PromoStudio server on http:\/\/127\.0\.0\.1:9 /);
  });
});
