import type { GraphEdge, GraphNode, RuleGraph } from '@promo/shared';
import { makeIdFactory } from './graph-ops.js';

/** Copied nodes and the edges between them (edges to nodes left behind are not copied). */
export interface GraphClip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copySelection(graph: RuleGraph, nodeIds: ReadonlySet<string>): GraphClip | null {
  // The start node is unique per graph: it is never copied.
  const nodes = graph.nodes.filter((n) => nodeIds.has(n.id) && n.type !== 'start');
  if (nodes.length === 0) return null;
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes: structuredClone(nodes), edges: structuredClone(graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target))) };
}

/** Pastes a clip with fresh ids, shifted by `offset`; returns the new graph and the pasted node ids. */
export function pasteClip(graph: RuleGraph, clip: GraphClip, offset = { x: 40, y: 40 }): { graph: RuleGraph; nodeIds: string[] } {
  const ids = makeIdFactory(graph);
  const rename = new Map(clip.nodes.map((n) => [n.id, ids(n.type.replace(/_/g, '-'))]));
  const nodes = clip.nodes.map((n) => ({
    ...structuredClone(n),
    id: rename.get(n.id)!,
    position: { x: (n.position?.x ?? 0) + offset.x, y: (n.position?.y ?? 0) + offset.y },
  }));
  const edges = clip.edges.map((e) => {
    const source = rename.get(e.source)!;
    const target = rename.get(e.target)!;
    return { ...e, id: ids(`e-${source}-${target}`), source, target };
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
