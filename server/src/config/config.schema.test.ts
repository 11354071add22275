import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeConfigError, parseConfig } from './config.schema.js';

describe('config', () => {
  it('admits the packaged desktop studio origin by default, and only the listed origins when set', () => {
    expect(parseConfig({}).CORS_ORIGINS).toEqual(['app://studio']);
    expect(parseConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('loads the demo data by default outside production', () => {
    expect(parseConfig({}).DEMO_DATA).toBe(true);
    expect(parseConfig({ NODE_ENV: 'development' }).DEMO_DATA).toBe(true);
  });

  it('never loads well-known demo credentials in production unless asked to', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).DEMO_DATA).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(parseConfig({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
  });

  it('parses the flash, inventory webhook and points settings with their defaults', () => {
    const defaults = parseConfig({});
    expect(defaults).toMatchObject({
      FLASH_FAST_PATH: true,
      FLASH_AUTO_PIPELINING: false,
      FLASH_SWEEP_MS: 1000,
      FLASH_PERSIST_MS: 200,
      FLASH_RECONCILE_MS: 10_000,
      FLASH_RATE_LIMIT_KEY_PER_SEC: 20_000,
      FLASH_RATE_LIMIT_IP_PER_SEC: 20_000,
      POINTS_EARN_PER_YUAN: 1,
    });
    expect(defaults.INVENTORY_WEBHOOK_URL ?? defaults.INVENTORY_WEBHOOK_SECRET).toBeUndefined();
    const set = parseConfig({ FLASH_FAST_PATH: 'false', FLASH_RATE_LIMIT_IP_PER_SEC: '0', INVENTORY_WEBHOOK_URL: 'https://inv.example/sold', INVENTORY_WEBHOOK_SECRET: 'sixteen-chars-ok', POINTS_EARN_PER_YUAN: '3' });
    expect(set).toMatchObject({ FLASH_FAST_PATH: false, FLASH_RATE_LIMIT_IP_PER_SEC: 0, INVENTORY_WEBHOOK_URL: 'https://inv.example/sold', POINTS_EARN_PER_YUAN: 3 });
    expect(() => parseConfig({ INVENTORY_WEBHOOK_SECRET: 'short' })).toThrow(ZodError);
  });

  it('describes every bad variable on its own line', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'eighty', TRUST_PROXY: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ZodError);
    const lines = describeConfigError(error as ZodError).split('\n');
    expect(lines[0]).toBe('invalid environment:');
    expect(lines.some((l) => l.startsWith('  PORT: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  TRUST_PROXY: '))).toBe(true);
  });
});
