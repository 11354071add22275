import { describe, expect, it } from 'vitest';
import { createTemplateGraph } from '@promo/shared';
import { summarizeGraph } from './graph-summary.js';

function graphWithRegion() {
  const base = createTemplateGraph('threshold_off', { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10000, off: 1000 }, { minSpend: 20000, off: 3000 }] });
  return {
    nodes: [
      ...base.nodes,
      { id: 'r', type: 'region', args: { provinces: ['330000', '310000'], cities: [] }, position: { x: 160, y: 0 } },
      { id: 'n', type: 'new_user', args: {}, position: { x: 160, y: 80 } },
    ],
    edges: base.edges,
  };
}

describe('rule graph summary for the conflict dialog', () => {
  it('shows the offer preview line, the node count and the conditions by registry label (zh)', () => {
    const summary = summarizeGraph(graphWithRegion(), 'zh');
    expect(summary?.offers).toEqual(['满100减10, 满200减30']);
    expect(summary?.nodeCount).toBe(4);
    expect(summary?.edgeCount).toBe(1);
    expect(summary?.conditions.some((c) => c.startsWith('地区（') && c.includes('330000, 310000'))).toBe(true);
    expect(summary?.conditions.length).toBe(2);
  });

  it('uses the English labels and preview in English', () => {
    const summary = summarizeGraph(graphWithRegion(), 'en');
    expect(summary?.offers).toEqual(['¥10 off ¥100, ¥30 off ¥200']);
    expect(summary?.conditions.some((c) => c.startsWith('Region (') && c.includes('330000'))).toBe(true);
  });

  it('returns null for something that is not a rule graph', () => {
    expect(summarizeGraph({ nodes: 'x' }, 'zh')).toBeNull();
    expect(summarizeGraph(undefined, 'en')).toBeNull();
  });
});
