import { describe, expect, it } from 'vitest';
import { validateGraph, type RuleGraph } from '@promo/shared';
import { createCampaignDraft } from '../../templates/kind-templates.js';
import { autoLayout } from './auto-layout.js';
import { copySelection, pasteClip } from './graph-clipboard.js';
import { addNode, connect, initialArgs, makeIdFactory, moveNodes, removeElements, updateArgs } from './graph-ops.js';
import { createHistory, pushHistory, redo, undo, HISTORY_LIMIT } from './history.js';

const base = (): RuleGraph => createCampaignDraft('threshold_off', { id: 'c', name: 'c', start: '2026-06-01T00:00:00+08:00', end: '2026-06-02T00:00:00+08:00' }).graph;

describe('graph operations', () => {
  it('builds a valid start → region → offer graph by adding and connecting nodes', () => {
    let graph: RuleGraph = { nodes: [], edges: [] };
    const start = addNode(graph, 'start', { x: 0, y: 0 }, 'threshold_off');
    graph = start.graph;
    const region = addNode(graph, 'region', { x: 200, y: 0 }, 'threshold_off');
    graph = updateArgs(region.graph, region.nodeId, { mode: 'include', provinces: ['31'], cities: [] });
    const offer = addNode(graph, 'offer', { x: 400, y: 0 }, 'threshold_off');
    graph = connect(connect(offer.graph, start.nodeId, region.nodeId), region.nodeId, offer.nodeId);
    expect(validateGraph(graph, 'threshold_off')).toEqual([]);
    expect(graph.edges.every((e) => e.targetHandle === 'in')).toBe(true);
  });

  it('starts nodes with their schema defaults and offers with the kind template', () => {
    expect(initialArgs('region', 'gift')).toEqual({ mode: 'include', provinces: [], cities: [] });
    expect(initialArgs('offer', 'percent_off')).toMatchObject({ offer: { kind: 'percent_off' } });
  });

  it('refuses self-loops and duplicate edges', () => {
    const graph = base();
    expect(connect(graph, 'offer', 'offer')).toBe(graph);
    expect(connect(graph, 'start', 'offer')).toBe(graph);
  });

  it('removes edges along with their nodes', () => {
    const graph = removeElements(base(), new Set(['offer']), new Set());
    expect(graph.nodes.map((n) => n.id)).toEqual(['start']);
    expect(graph.edges).toEqual([]);
  });

  it('gives ids that do not collide', () => {
    const ids = makeIdFactory({ nodes: [{ id: 'region-1', type: 'region', args: {} }], edges: [] });
    expect(ids('region')).toBe('region-2');
    expect(ids('region')).toBe('region-3');
  });

  it('moves nodes to whole-pixel positions', () => {
    const graph = moveNodes(base(), new Map([['offer', { x: 10.6, y: -3.2 }]]));
    expect(graph.nodes.find((n) => n.id === 'offer')?.position).toEqual({ x: 11, y: -3 });
  });
});

describe('copy and paste', () => {
  it('pastes copies with new ids, shifted, keeping edges inside the selection', () => {
    const region = addNode(base(), 'region', { x: 100, y: 100 }, 'threshold_off');
    const tags = addNode(region.graph, 'user_tags', { x: 300, y: 100 }, 'threshold_off');
    const graph = connect(tags.graph, region.nodeId, tags.nodeId);
    const clip = copySelection(graph, new Set(['start', region.nodeId, tags.nodeId]));
    expect(clip?.nodes.map((n) => n.type)).toEqual(['region', 'user_tags']);
    const pasted = pasteClip(graph, clip!);
    expect(pasted.nodeIds).toHaveLength(2);
    expect(pasted.nodeIds.some((id) => graph.nodes.some((n) => n.id === id))).toBe(false);
    const copy = pasted.graph.nodes.find((n) => n.id === pasted.nodeIds[0]);
    expect(copy?.position).toEqual({ x: 140, y: 140 });
    expect(pasted.graph.edges.filter((e) => pasted.nodeIds.includes(e.source) && pasted.nodeIds.includes(e.target))).toHaveLength(1);
  });

  it('copies nothing when only the start node is selected', () => {
    expect(copySelection(base(), new Set(['start']))).toBeNull();
  });
});

describe('auto layout', () => {
  it('places the start node left of the offer', () => {
    const laid = autoLayout(base());
    const x = (id: string) => laid.nodes.find((n) => n.id === id)?.position?.x ?? NaN;
    expect(x('start')).toBeLessThan(x('offer'));
  });
});

describe('undo / redo history', () => {
  it('undoes and redoes steps in order', () => {
    let h = createHistory(1);
    h = pushHistory(h, 2);
    h = pushHistory(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(3);
  });

  it('drops the redo branch after a new edit', () => {
    let h = pushHistory(pushHistory(createHistory('a'), 'b'), 'c');
    h = pushHistory(undo(h), 'd');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('merges typing in one field into one step', () => {
    let h = createHistory('');
    h = pushHistory(h, '1', 'name');
    h = pushHistory(h, '12', 'name');
    h = pushHistory(h, '123', 'name');
    expect(undo(h).present).toBe('');
  });

  it('keeps at most the limit of steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i += 1) h = pushHistory(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
