import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.schema.js';

const trustProxy = (value: string | undefined) => parseConfig({ TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, when empty and when false', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('reads true as trust-all and a whole number as a hop count', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('0')).toBe(0);
  });

  it('reads a comma list of addresses, CIDR ranges and presets', () => {
    expect(trustProxy(' loopback, 10.0.0.0/8 ,fd00::/8,192.168.1.7 ')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
  });

  it.each(['yes', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', 'loopback,example.com', '1.5', ',', '10.0.0.0/8/1'])('refuses %j naming the variable', (value) => {
    expect(() => trustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});
