import { describe, expect, it } from 'vitest';
import { intlLocale, resolveInitialLocale } from './locale-preference.js';

describe('locale preference', () => {
  it('keeps the language the planner chose', () => {
    expect(resolveInitialLocale('en', 'zh-CN')).toBe('en');
    expect(resolveInitialLocale('zh', 'en-US')).toBe('zh');
  });

  it('defaults from the browser language', () => {
    expect(resolveInitialLocale(null, 'zh-TW')).toBe('zh');
    expect(resolveInitialLocale(null, 'en-GB')).toBe('en');
    expect(resolveInitialLocale('fr', undefined)).toBe('en');
  });

  it('maps to Intl tags', () => {
    expect(intlLocale('zh')).toBe('zh-CN');
    expect(intlLocale('en')).toBe('en-US');
  });
});
