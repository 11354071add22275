import dagre from '@dagrejs/dagre';
import type { RuleGraph } from '@promo/shared';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 80;

/** Left-to-right layered layout (dagre): start on the left, offers on the right. */
export function autoLayout(graph: RuleGraph): RuleGraph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const laid = g.node(node.id);
      // dagre gives centres; React Flow positions are top-left corners.
      return laid ? { ...node, position: { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - NODE_HEIGHT / 2) } } : node;
    }),
  };
}
