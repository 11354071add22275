import type { GraphEdge, RuleGraph } from './graph.schema.js';

/**
 * Adjacency of a graph over its usable edges (both ends exist, not repeated), by node index in
 * `graph.nodes` order. Duplicate node ids keep their first occurrence.
 */
export interface GraphStructure {
  indexById: ReadonlyMap<string, number>;
  incoming: number[][];
  outgoing: number[][];
  /** Edges left out of the adjacency, with why. */
  skippedEdges: Array<{ edge: GraphEdge; why: 'dangling' | 'duplicate' }>;
  duplicateNodeIndexes: number[];
}

export function buildStructure(graph: RuleGraph): GraphStructure {
  const indexById = new Map<string, number>();
  const duplicateNodeIndexes: number[] = [];
  graph.nodes.forEach((node, i) => {
    if (indexById.has(node.id)) duplicateNodeIndexes.push(i);
    else indexById.set(node.id, i);
  });
  const incoming: number[][] = graph.nodes.map(() => []);
  const outgoing: number[][] = graph.nodes.map(() => []);
  const skippedEdges: GraphStructure['skippedEdges'] = [];
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source === undefined || target === undefined) {
      skippedEdges.push({ edge, why: 'dangling' });
      continue;
    }
    const key = `${source}>${target}`;
    if (seen.has(key)) {
      skippedEdges.push({ edge, why: 'duplicate' });
      continue;
    }
    seen.add(key);
    outgoing[source]!.push(target);
    incoming[target]!.push(source);
  }
  return { indexById, incoming, outgoing, skippedEdges, duplicateNodeIndexes };
}

/** Kahn's algorithm: node indexes in topological order; nodes on or after a cycle are left out. */
export function topologicalOrder(structure: GraphStructure, nodeCount: number, included: (i: number) => boolean = () => true): number[] {
  const remaining = new Int32Array(nodeCount);
  const queue: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    if (!included(i)) continue;
    remaining[i] = structure.incoming[i]!.filter(included).length;
    if (remaining[i] === 0) queue.push(i);
  }
  const order: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    order.push(i);
    for (const next of structure.outgoing[i]!) {
      if (!included(next)) continue;
      remaining[next] = remaining[next]! - 1;
      if (remaining[next] === 0) queue.push(next);
    }
  }
  return order;
}

/**
 * The cycles of the graph as strongly connected components (Tarjan, iterative so a 500-node
 * chain cannot overflow the stack): components of two or more nodes, or a node with an edge to itself.
 */
export function findCycles(structure: GraphStructure, nodeCount: number): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = structure.outgoing[frame.node]!;
      if (frame.next < successors.length) {
        const w = successors[frame.next++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ node: w, next: 0 });
        } else if (onStack[w]) low[frame.node] = Math.min(low[frame.node]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== index[frame.node]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== frame.node);
      if (component.length > 1 || structure.outgoing[frame.node]!.includes(frame.node)) cycles.push(component.reverse());
    }
  }
  return cycles;
}

/** Marks every node reachable from `roots` following `adjacency`. */
export function reachableFrom(roots: readonly number[], adjacency: number[][], nodeCount: number): Uint8Array {
  const seen = new Uint8Array(nodeCount);
  const queue = [...roots];
  for (const r of roots) seen[r] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency[queue[head]!]!) {
      if (seen[next]) continue;
      seen[next] = 1;
      queue.push(next);
    }
  }
  return seen;
}
