import { describe, expect, it } from 'vitest';
import { warroomHtml } from './warroom-html.js';

describe('war-room page shell', () => {
  it('opens the sign-in card and says "signed out" when the page has no token', () => {
    const html = warroomHtml({ themeId: 'demo-festival', token: '', lang: 'zh' });
    expect(html).toContain('<div id="signin" class="signin">');
    expect(html).toContain('<span id="status" class="status">未登录</span>');
    expect(html).toContain('autocomplete="current-password"');
  });

  it('keeps the card hidden for a provisioned token and labels it in the kiosk language', () => {
    const html = warroomHtml({ themeId: 'demo-festival', token: 'abc', lang: 'en' });
    expect(html).toContain('<div id="signin" class="signin" hidden>');
    expect(html).toContain('Sign in to the war room');
    expect(html).toContain('<span id="status" class="status">Reconnecting…</span>');
  });

  it('shows the theme id in the header until the script has its name', () => {
    expect(warroomHtml({ themeId: 'demo-festival', token: 'abc', lang: 'zh' })).toContain('<span id="theme-name">demo-festival</span>');
  });
});
