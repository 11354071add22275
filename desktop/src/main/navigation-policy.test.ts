import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isAppUrl, isNavigationAllowed, isPermissionGranted } from './navigation-policy.js';

const packaged = 'file:///opt/PromoStudio/resources/app/out/app/index.html';
const dev = 'http://localhost:5173/';

describe('navigation policy', () => {
  it('allows routes inside the packaged app folder', () => {
    expect(isNavigationAllowed('file:///opt/PromoStudio/resources/app/out/app/index.html#/campaigns', packaged)).toBe(true);
    expect(isNavigationAllowed('file:///opt/PromoStudio/resources/app/out/app/assets/x.js', packaged)).toBe(true);
  });

  it('refuses other local files, including ones reached through ..', () => {
    expect(isNavigationAllowed('file:///etc/passwd', packaged)).toBe(false);
    expect(isNavigationAllowed('file:///opt/PromoStudio/resources/app/out/app/../../secrets.html', packaged)).toBe(false);
    expect(isNavigationAllowed('file:///opt/PromoStudio/resources/app/out/application/index.html', packaged)).toBe(false);
  });

  it('refuses remote pages from the packaged app', () => {
    expect(isNavigationAllowed('https://evil.example/', packaged)).toBe(false);
  });

  it('allows the app:// origin and nothing else when served by the app protocol', () => {
    const served = 'app://studio/index.html';
    expect(isNavigationAllowed('app://studio/index.html#/simulator', served)).toBe(true);
    expect(isNavigationAllowed('app://other/index.html', served)).toBe(false);
    expect(isNavigationAllowed('file:///opt/PromoStudio/resources/app/out/app/index.html', served)).toBe(false);
    expect(isNavigationAllowed('https://studio/', served)).toBe(false);
  });

  it('allows the dev server origin only', () => {
    expect(isNavigationAllowed('http://localhost:5173/campaigns/1', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isNavigationAllowed('https://localhost:5173/', dev)).toBe(false);
    expect(isNavigationAllowed('file:///opt/x.html', dev)).toBe(false);
  });

  it('treats unparsable URLs as foreign', () => {
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl(dev, 'not a url')).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
  });

  it('never opens new windows but hands https links to the system browser', () => {
    expect(decideWindowOpen('https://docs.example/help')).toEqual({ action: 'deny', openExternal: 'https://docs.example/help' });
    expect(decideWindowOpen('http://plain.example/')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', openExternal: null });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternal: null });
  });

  it('grants notifications to the app and refuses camera or foreign requesters', () => {
    expect(isPermissionGranted('notifications', packaged, packaged)).toBe(true);
    expect(isPermissionGranted('media', packaged, packaged)).toBe(false);
    expect(isPermissionGranted('notifications', 'https://evil.example/', packaged)).toBe(false);
  });
});
