import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff.js';

describe('diffJson', () => {
  it('returns nothing for equal documents', () => {
    expect(diffJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] })).toEqual([]);
  });

  it('names changed, added and removed fields by dotted path', () => {
    const diff = diffJson({ name: 'a', tiers: [{ off: 1 }], gone: true }, { name: 'b', tiers: [{ off: 2 }, { off: 3 }] });
    expect(diff).toEqual([
      { path: 'gone', op: 'remove', from: true },
      { path: 'name', op: 'change', from: 'a', to: 'b' },
      { path: 'tiers.0.off', op: 'change', from: 1, to: 2 },
      { path: 'tiers.1', op: 'add', to: { off: 3 } },
    ]);
  });

  it('records a creation as one add at the root', () => {
    expect(diffJson(undefined, { id: 'x' })).toEqual([{ path: '', op: 'add', to: { id: 'x' } }]);
  });

  it('treats a type change as a change of the whole value', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', op: 'change', from: [1], to: { 0: 1 } }]);
  });
});
