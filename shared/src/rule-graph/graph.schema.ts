import { z } from 'zod';

const NodeId = z.string().min(1).max(64);

/** One node of a rule graph: its type code from the node registry and its arguments. */
export const GraphNodeSchema = z.object({
  id: NodeId,
  type: z.string().min(1).max(64),
  args: z.record(z.string(), z.unknown()).default({}),
  /** Canvas position in the studio; ignored by the engine. */
  position: z.object({ x: z.number(), y: z.number() }).optional(),
});

export const GraphEdgeSchema = z.object({
  id: z.string().min(1).max(128),
  source: NodeId,
  target: NodeId,
  /** Which input of the target (e.g. `in`); logic nodes take many, `not` exactly one. */
  targetHandle: z.string().max(32).optional(),
});

/** A DAG from one `start` node to one or more `offer` nodes. */
export const RuleGraphSchema = z.object({
  nodes: z.array(GraphNodeSchema).max(500),
  edges: z.array(GraphEdgeSchema).max(2000),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type RuleGraph = z.infer<typeof RuleGraphSchema>;
