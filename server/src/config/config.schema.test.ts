import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { describeConfigError, parseConfig } from './config.schema.js';

describe('config', () => {
  it('loads the demo data by default outside production', () => {
    expect(parseConfig({}).DEMO_DATA).toBe(true);
    expect(parseConfig({ NODE_ENV: 'development' }).DEMO_DATA).toBe(true);
  });

  it('never loads well-known demo credentials in production unless asked to', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).DEMO_DATA).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(parseConfig({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
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
