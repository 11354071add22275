import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignKindSchema, CampaignStatusSchema, ChannelSchema, NODE_DEFINITIONS } from '@promo/shared';
import { FESTIVALS } from '../templates/festival-templates.js';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const root = new URL('..', import.meta.url).pathname;

describe('studio messages', () => {
  it('has a zh and an en string for every literal key used in the renderer', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((key) => typeof lookup(zh, key) !== 'string' || typeof lookup(en, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('names every campaign kind, status, channel, node category and festival in both languages', () => {
    const keys = [
      ...CampaignKindSchema.options.map((k) => `kinds.${k}`),
      ...CampaignStatusSchema.options.map((s) => `status.${s}`),
      ...ChannelSchema.options.map((c) => `enumValues.${c}`),
      ...[...new Set(NODE_DEFINITIONS.map((d) => d.category))].map((c) => `editor.categories.${c}`),
      ...FESTIVALS.map((f) => `festivals.${f}`),
    ];
    for (const key of keys) {
      expect(typeof lookup(zh, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});
