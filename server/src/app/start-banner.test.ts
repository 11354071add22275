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

  it('names the demo theme war room when demo data is loaded', () => {
    const line = startBanner('http://127.0.0.1:8080', '/srv/studio', 'demo-festival');
    expect(line).toContain('war room http://127.0.0.1:8080/warroom/demo-festival (sign in as screen)');
    expect(line).toMatch(/^PromoStudio server on http:\/\/127\.0\.0\.1:8080 /);
  });

  it('prints no war-room address without demo data', () => {
    expect(startBanner('http://127.0.0.1:8080', '/srv/studio')).not.toContain('/warroom/');
  });
});
