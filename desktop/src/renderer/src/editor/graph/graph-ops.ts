import { getNodeDefinition, type CampaignKind, type GraphEdge, type GraphNode, type RuleGraph } from '@promo/shared';
import { defaultOffer } from '../../templates/kind-templates.js';
import { initialObject } from '../forms/form-values.js';
import { schemaToForm } from '../forms/schema-to-form.js';

export type IdFactory = (prefix: string) => string;

/** Fresh ids that do not collide with the graph's (`region-3`, `offer-2`...). */
export function makeIdFactory(graph: RuleGraph): IdFactory {
  const taken = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  return (prefix) => {
    let n = 1;
    while (taken.has(`${prefix}-${n}`)) n += 1;
    const id = `${prefix}-${n}`;
    taken.add(id);
    return id;
  };
}

/** Arguments a node starts with: its schema's defaults; an offer starts with the kind's template offer. */
export function initialArgs(type: string, kind: CampaignKind): Record<string, unknown> {
  if (type === 'offer') return { offer: defaultOffer(kind) };
  const definition = getNodeDefinition(type);
  return definition ? initialObject(schemaToForm(definition.args)) : {};
}

export function addNode(graph: RuleGraph, type: string, position: { x: number; y: number }, kind: CampaignKind, ids: IdFactory = makeIdFactory(graph)): { graph: RuleGraph; nodeId: string } {
  const node: GraphNode = { id: ids(type.replace(/_/g, '-')), type, args: initialArgs(type, kind), position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, nodeId: node.id };
}

/** Adds an edge unless it is a self-loop or already there. Edges always enter the `in` handle. */
export function connect(graph: RuleGraph, source: string, target: string, ids: IdFactory = makeIdFactory(graph)): RuleGraph {
  if (source === target) return graph;
  if (graph.edges.some((e) => e.source === source && e.target === target)) return graph;
  const edge: GraphEdge = { id: ids(`e-${source}-${target}`), source, target, targetHandle: 'in' };
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Removes nodes (and every edge touching them) and edges. */
export function removeElements(graph: RuleGraph, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): RuleGraph {
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

export function updateArgs(graph: RuleGraph, nodeId: string, args: Record<string, unknown>): RuleGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === nodeId ? { ...n, args } : n)) };
}

export function moveNodes(graph: RuleGraph, positions: ReadonlyMap<string, { x: number; y: number }>): RuleGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}
