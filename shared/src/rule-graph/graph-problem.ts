import type { LocalizedText } from './node-definition.js';

/** Every problem the validator reports, by code. */
export const GRAPH_PROBLEM_CODES = [
  'duplicate_node_id',
  'duplicate_edge',
  'dangling_edge',
  'unknown_node_type',
  'bad_args',
  'missing_start',
  'multiple_start',
  'wrong_input_count',
  'wrong_output_count',
  'cycle',
  'not_connected',
  'unreachable_node',
  'unreachable_offer',
  'no_offer',
  'no_path_to_offer',
  'offer_kind_mismatch',
  'tier_duplicate',
  'tier_unsorted',
  'tier_not_increasing',
  'tier_off_exceeds_spend',
  'every_off_exceeds_every',
] as const;
export type GraphProblemCode = (typeof GRAPH_PROBLEM_CODES)[number];

/** One thing wrong with a graph, naming the node or edge (and the argument) it is about. */
export interface GraphProblem {
  code: GraphProblemCode;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path of the offending argument inside the node's `args`, e.g. `offer.tiers.1.off`. */
  field?: string;
  message: LocalizedText;
}

/** Thrown by `compileGraph` for an invalid graph; `problems` lists everything the validator found. */
export class GraphValidationError extends Error {
  override readonly name = 'GraphValidationError';
  readonly problems: GraphProblem[];

  constructor(problems: GraphProblem[]) {
    super(`invalid rule graph: ${problems.map((p) => `${p.code}${p.nodeId ? `@${p.nodeId}` : ''}`).join(', ')}`);
    this.problems = problems;
  }
}
