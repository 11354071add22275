import { describe, expect, it } from 'vitest';
import { validateGraph } from '@promo/shared';
import { createCampaignDraft } from '../../templates/kind-templates.js';
import { problemsByNode, toFlowEdges, toFlowNodes, type RuleFlowNode } from './flow-mapping.js';
import { addNode } from './graph-ops.js';

const graph = createCampaignDraft('threshold_off', { id: 'c', name: 'c', start: '2026-06-01T00:00:00+08:00', end: '2026-06-02T00:00:00+08:00' }).graph;

describe('graph ⇄ canvas mapping', () => {
  it('keeps canvas-only state (selection, measured size) across updates', () => {
    const first = toFlowNodes(graph, 'threshold_off', new Map(), []);
    const touched: RuleFlowNode[] = first.map((n) => (n.id === 'offer' ? { ...n, selected: true, measured: { width: 200, height: 80 } } : n));
    const next = toFlowNodes(graph, 'threshold_off', new Map(), touched);
    expect(next.find((n) => n.id === 'offer')).toMatchObject({ selected: true, measured: { width: 200, height: 80 } });
    expect(next.find((n) => n.id === 'start')).toMatchObject({ deletable: false });
  });

  it('puts validation problems on the node they name', () => {
    const { graph: withDangling } = addNode(graph, 'region', { x: 0, y: 200 }, 'threshold_off');
    const problems = validateGraph(withDangling, 'threshold_off');
    const byNode = problemsByNode(problems);
    const nodes = toFlowNodes(withDangling, 'threshold_off', byNode, []);
    expect(nodes.find((n) => n.data.type === 'region')?.data.problems.length).toBeGreaterThan(0);
    expect(nodes.find((n) => n.id === 'offer')?.data.problems).toEqual([]);
  });

  it('maps edges into the single input handle and marks bad edges', () => {
    const edges = toFlowEdges(graph, [{ code: 'dangling_edge', edgeId: graph.edges[0]!.id, message: { zh: '', en: '' } }], []);
    expect(edges[0]).toMatchObject({ source: 'start', target: 'offer', targetHandle: 'in', style: { stroke: 'var(--danger)' } });
  });
});
