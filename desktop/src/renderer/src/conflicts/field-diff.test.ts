import { describe, expect, it } from 'vitest';
import { diffDocs, jsonEqual, mergeDocs } from './field-diff.js';

const base = {
  id: 'c1',
  name: '春节满减',
  version: 3,
  priority: 100,
  schedule: { start: '2026-02-10T00:00:00+08:00', end: '2026-02-20T00:00:00+08:00', timezone: 'Asia/Shanghai' },
  limits: { budget: 100000 },
  graph: { nodes: [{ id: 'start', type: 'start' }], edges: [] },
};

describe('conflict diff', () => {
  it('lists nested fields separately and ignores the version', () => {
    const theirs = { ...base, version: 4, schedule: { ...base.schedule, end: '2026-02-25T00:00:00+08:00' } };
    const diffs = diffDocs(base, theirs);
    expect(diffs.find((d) => d.path === 'version')).toBeUndefined();
    expect(diffs.filter((d) => !d.equal).map((d) => d.path)).toEqual(['schedule.end']);
    expect(diffs.some((d) => d.path === 'schedule.start' && d.equal)).toBe(true);
  });

  it('ignores the bookkeeping fields the server adds', () => {
    const theirs = { ...base, updatedAt: 1795546237087, updatedBy: 'admin', createdBy: 'planner', publishedVersion: null };
    expect(diffDocs(base, theirs).filter((d) => !d.equal)).toEqual([]);
  });

  it('compares the rule graph as one field', () => {
    const theirs = { ...base, graph: { nodes: [{ id: 'start', type: 'start' }, { id: 'o', type: 'offer' }], edges: [] } };
    expect(diffDocs(base, theirs).filter((d) => !d.equal).map((d) => d.path)).toEqual(['graph']);
  });

  it('reports a field that exists on one side only', () => {
    const mine = { ...base, limits: { budget: 100000, usageCap: 50 } };
    const diff = diffDocs(mine, base).find((d) => d.path === 'limits.usageCap');
    expect(diff).toMatchObject({ mine: 50, theirs: undefined, equal: false });
  });

  it('merges per field: theirs where chosen, mine elsewhere', () => {
    const mine = { ...base, name: '春节大促', priority: 50 };
    const theirs = { ...base, version: 4, name: '春节满减 2026', limits: { budget: 200000 } };
    const merged = mergeDocs(mine, theirs, { name: 'theirs' });
    expect(merged).toMatchObject({ name: '春节满减 2026', priority: 50, limits: { budget: 100000 }, version: 4 });
  });

  it('removes a field the chosen side does not have', () => {
    const mine = { ...base, limits: {} };
    const merged = mergeDocs(mine, base, { 'limits.budget': 'mine' });
    expect(merged.limits).toEqual({});
  });

  it('compares JSON structurally regardless of key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});
