import { describe, expect, it } from 'vitest';
import { compileGraph } from './compile-graph.js';
import { createTemplateGraph } from './template-graph.js';
import { segmentKey } from './nodes/segment.node.js';

describe('createTemplateGraph', () => {
  it('builds a start → offer graph that compiles, with canvas positions', () => {
    const graph = createTemplateGraph('flash_sale', { kind: 'flash_sale', slots: [{ start: '10:00', end: '12:00' }], items: [{ sku: 'tv', price: 99_900, stock: 10 }] });
    expect(graph.nodes.map((n) => [n.type, n.position !== undefined])).toEqual([
      ['start', true],
      ['offer', true],
    ]);
    const [offer] = compileGraph(graph, 'flash_sale').offers;
    expect(offer?.offer).toMatchObject({ kind: 'flash_sale', reservationMinutes: 15, items: [{ perUserLimit: 1 }] });
  });

  it('refuses an offer of another kind', () => {
    expect(() => createTemplateGraph('gift', { kind: 'percent_off', payRate: 9_000 })).toThrow(RangeError);
  });
});

describe('segmentKey', () => {
  it('names the segment the server computes', () => {
    expect(segmentKey({ kind: 'dormant', dormantDays: 90 })).toBe('dormant_90');
    expect(segmentKey({ kind: 'high_value', dormantDays: 30 })).toBe('high_value');
    expect(segmentKey({ kind: 'custom', dormantDays: 30, customSegment: 'bakery_fans' })).toBe('bakery_fans');
  });
});
