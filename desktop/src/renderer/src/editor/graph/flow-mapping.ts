import type { Edge, Node } from '@xyflow/react';
import type { CampaignKind, GraphProblem, RuleGraph } from '@promo/shared';

/** What a rule node on the canvas carries: the graph node's type and args plus its problems. */
export type RuleNodeData = {
  type: string;
  args: Record<string, unknown>;
  kind: CampaignKind;
  problems: GraphProblem[];
};
export type RuleFlowNode = Node<RuleNodeData, 'rule'>;
export type RuleFlowEdge = Edge;

/** Problems grouped by node id; graph-wide ones (no node) under ''. */
export function problemsByNode(problems: readonly GraphProblem[]): Map<string, GraphProblem[]> {
  const out = new Map<string, GraphProblem[]>();
  for (const p of problems) {
    const key = p.nodeId ?? '';
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return out;
}

/**
 * React Flow nodes for a graph. Selection and measured sizes live only on the canvas, so they
 * are carried over from the previous nodes by id.
 */
export function toFlowNodes(graph: RuleGraph, kind: CampaignKind, problems: ReadonlyMap<string, GraphProblem[]>, previous: readonly RuleFlowNode[]): RuleFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return graph.nodes.map((node, index) => {
    const old = before.get(node.id);
    return {
      id: node.id,
      type: 'rule',
      position: node.position ?? { x: index * 220, y: 0 },
      data: { type: node.type, args: node.args, kind, problems: problems.get(node.id) ?? [] },
      ...(old?.selected ? { selected: true } : {}),
      ...(old?.measured ? { measured: old.measured } : {}),
      ...(node.type === 'start' ? { deletable: false } : {}),
    };
  });
}

export function toFlowEdges(graph: RuleGraph, problems: readonly GraphProblem[], previous: readonly RuleFlowEdge[]): RuleFlowEdge[] {
  const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
  const bad = new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : [])));
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    targetHandle: 'in',
    animated: false,
    ...(selected.has(edge.id) ? { selected: true } : {}),
    ...(bad.has(edge.id) ? { style: { stroke: 'var(--danger)' } } : {}),
  }));
}
