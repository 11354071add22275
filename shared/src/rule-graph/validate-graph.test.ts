import { describe, expect, it } from 'vitest';
import type { CampaignKind } from '../campaign/campaign.schema.js';
import type { Offer } from '../campaign/offer.schema.js';
import { GRAPH_PROBLEM_CODES, type GraphProblemCode } from './graph-problem.js';
import type { GraphEdge, GraphNode, RuleGraph } from './graph.schema.js';
import { createTemplateGraph } from './template-graph.js';
import { validateGraph } from './validate-graph.js';

const tiers = (list: Array<[number, number]>): Offer => ({
  kind: 'threshold_off',
  mode: 'tiers',
  tiers: list.map(([minSpend, off]) => ({ minSpend, off })),
});
const offer = tiers([[10_000, 1_000], [20_000, 3_000]]);

function node(id: string, type: string, args: Record<string, unknown> = {}): GraphNode {
  return { id, type, args };
}
function edge(source: string, target: string): GraphEdge {
  return { id: `${source}-${target}`, source, target };
}
/** start → cond → offer, plus extras. */
function graph(extraNodes: GraphNode[] = [], extraEdges: GraphEdge[] = [], offerArgs: Record<string, unknown> = { offer }): RuleGraph {
  return {
    nodes: [node('s', 'start'), node('c', 'new_user'), node('o', 'offer', offerArgs), ...extraNodes],
    edges: [edge('s', 'c'), edge('c', 'o'), ...extraEdges],
  };
}
function codes(g: RuleGraph, kind: CampaignKind = 'threshold_off'): Array<[GraphProblemCode, string | undefined]> {
  return validateGraph(g, kind).map((p) => [p.code, p.nodeId ?? p.edgeId]);
}

describe('validateGraph', () => {
  it('accepts a valid graph and the template graph of every kind', () => {
    expect(validateGraph(graph(), 'threshold_off')).toEqual([]);
    expect(validateGraph(createTemplateGraph('percent_off', { kind: 'percent_off', payRate: 8_500 }), 'percent_off')).toEqual([]);
  });

  it('names a node on a cycle (cycle)', () => {
    const g = graph([node('a', 'and'), node('b', 'and')], [edge('c', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'o')]);
    expect(codes(g)).toEqual([
      ['cycle', 'a'],
      ['cycle', 'b'],
    ]);
  });

  it('reports a self loop as a cycle', () => {
    const g = graph([], [edge('c', 'c')]);
    expect(codes(g)).toContainEqual(['cycle', 'c']);
  });

  it('names an edge to a missing node (dangling_edge) and a repeated edge (duplicate_edge)', () => {
    expect(codes(graph([], [edge('c', 'ghost')]))).toEqual([['dangling_edge', 'c-ghost']]);
    expect(codes(graph([], [{ id: 'again', source: 's', target: 'c' }]))).toEqual([['duplicate_edge', 'again']]);
  });

  it('names an offer with no path from start (unreachable_offer) and the node feeding it (unreachable_node)', () => {
    const g = graph([node('lost', 'channel', { channels: ['app'] }), node('o2', 'offer', { offer })], [edge('lost', 'o2')]);
    expect(codes(g)).toEqual([
      ['unreachable_node', 'lost'],
      ['unreachable_offer', 'o2'],
    ]);
  });

  it('reports a graph without offers (no_offer) and a branch leading nowhere (no_path_to_offer)', () => {
    expect(codes({ nodes: [node('s', 'start'), node('c', 'new_user')], edges: [edge('s', 'c')] })).toEqual([['no_offer', undefined]]);
    expect(codes(graph([node('dead', 'new_user')], [edge('s', 'dead')]))).toEqual([['no_path_to_offer', 'dead']]);
  });

  it('names a node with no edges (not_connected)', () => {
    expect(codes(graph([node('alone', 'new_user')]))).toEqual([['not_connected', 'alone']]);
  });

  it('names an unknown node type (unknown_node_type)', () => {
    const g = graph([node('x', 'weather')], [edge('c', 'x'), edge('x', 'o')]);
    expect(codes(g)).toEqual([['unknown_node_type', 'x']]);
  });

  it('names the bad argument of a node (bad_args with field)', () => {
    const g = graph([node('r', 'member_level', { minLevel: 'gold' })], [edge('c', 'r'), edge('r', 'o')]);
    const problems = validateGraph(g, 'threshold_off');
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([['bad_args', 'r', 'minLevel']]);
    expect(problems[0]!.message.en).toContain('minLevel');
  });

  it('names a missing offer field by its path inside the offer', () => {
    const problems = validateGraph(graph([], [], { offer: { kind: 'threshold_off', mode: 'tiers' } }), 'threshold_off');
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([['bad_args', 'o', 'offer.tiers']]);
  });

  it('requires NOT to have exactly one input (wrong_input_count)', () => {
    const g = graph([node('n', 'not')], [edge('s', 'n'), edge('c', 'n'), edge('n', 'o')]);
    expect(codes(g)).toEqual([['wrong_input_count', 'n']]);
  });

  it('refuses edges into start and out of an offer', () => {
    expect(codes(graph([], [edge('c', 's')]))).toContainEqual(['wrong_input_count', 's']);
    const g = graph([node('o2', 'offer', { offer })], [edge('o', 'o2')]);
    expect(codes(g)).toEqual([['wrong_output_count', 'o']]);
  });

  it('requires one start node (missing_start, multiple_start)', () => {
    expect(codes({ nodes: [node('o', 'offer', { offer })], edges: [] })).toEqual([['missing_start', undefined]]);
    const g = graph([node('s2', 'start')], [edge('s2', 'o')]);
    expect(codes(g)).toEqual([['multiple_start', 's2']]);
  });

  it('names an offer whose kind is not the campaign kind (offer_kind_mismatch)', () => {
    expect(codes(graph(), 'gift')).toEqual([['offer_kind_mismatch', 'o']]);
  });

  it('names duplicate node ids (duplicate_node_id)', () => {
    expect(codes(graph([node('c', 'new_user')]))).toEqual([['duplicate_node_id', 'c']]);
  });

  it('checks 满减 tiers: duplicate, unsorted, not increasing, off ≥ threshold, every-off ≥ step', () => {
    const fields = (o: Offer): Array<[GraphProblemCode, string | undefined]> =>
      validateGraph(graph([], [], { offer: o }), 'threshold_off').map((p) => [p.code, p.field]);
    expect(fields(tiers([[10_000, 1_000], [10_000, 2_000]]))).toEqual([['tier_duplicate', 'offer.tiers.1.minSpend']]);
    expect(fields(tiers([[20_000, 3_000], [10_000, 1_000]]))).toEqual([['tier_unsorted', 'offer.tiers.1.minSpend']]);
    expect(fields(tiers([[10_000, 2_000], [20_000, 1_500]]))).toEqual([['tier_not_increasing', 'offer.tiers.1.off']]);
    expect(fields(tiers([[1_000, 1_000]]))).toEqual([['tier_off_exceeds_spend', 'offer.tiers.0.off']]);
    expect(fields({ kind: 'threshold_off', mode: 'every', every: 10_000, off: 10_000 })).toEqual([['every_off_exceeds_every', 'offer.off']]);
  });

  it('gives every problem a zh and an en message', () => {
    const g = graph([node('x', 'weather'), node('alone', 'new_user'), node('n', 'not')], [edge('c', 'ghost'), edge('n', 'o')]);
    const problems = validateGraph(g, 'gift');
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) {
      expect(GRAPH_PROBLEM_CODES).toContain(p.code);
      expect(p.message.zh).not.toBe(p.message.en);
      expect(p.message.zh.length).toBeGreaterThan(0);
    }
  });

  it('handles the largest allowed graph, a 500-node chain, without recursion limits', () => {
    const nodes: GraphNode[] = [node('s', 'start')];
    const edges: GraphEdge[] = [];
    for (let i = 0; i < 497; i++) {
      nodes.push(node(`c${i}`, 'region', { provinces: ['31', '44'] }));
      edges.push(edge(i === 0 ? 's' : `c${i - 1}`, `c${i}`));
      if (i > 1) edges.push(edge(`c${i - 2}`, `c${i}`));
    }
    nodes.push(node('a', 'and'), node('o', 'offer', { offer }));
    edges.push(edge('c496', 'a'), edge('a', 'o'));
    expect(validateGraph({ nodes, edges }, 'threshold_off')).toEqual([]);
    edges.push(edge('c496', 'c0'));
    expect(validateGraph({ nodes, edges }, 'threshold_off').filter((p) => p.code === 'cycle')).toHaveLength(497);
  });
});
