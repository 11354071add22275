import type { z } from 'zod';
import type { BaseReasonCode } from '../pricing/reason.js';
import type { ConditionContext } from './evaluator.types.js';

/** A text in both studio languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** What a node does in a graph: the studio groups its palette by category. */
export type NodeCategory = 'start' | 'condition' | 'logic' | 'offer';

/**
 * One rule-graph node type: its code, typed arguments, texts for the studio palette and forms,
 * how it connects, and a pure check. Every node type has exactly one definition, listed in
 * `node-registry.ts`; the server and the studio evaluate with the same code.
 */
export interface NodeDefinition<Args extends z.ZodType = z.ZodType> {
  /** The `type` stored in graph nodes, e.g. `region`. */
  readonly type: string;
  readonly category: NodeCategory;
  /** zod schema of the node's `args`; the studio generates the node's form from it. */
  readonly args: Args;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  /** Label of each top-level argument, for the generated form. */
  readonly argLabels: Readonly<Record<string, LocalizedText>>;
  /** How many incoming edges the node accepts (`max` null = any number). */
  readonly inputs: { readonly min: number; readonly max: number | null };
  /** Output handles: 1 for nodes that feed others (one handle may fan out), 0 for offers. */
  readonly outputs: 0 | 1;
  /**
   * The node's own test, pure. Its value in the graph is this AND its inputs (`or` and `not`
   * combine their inputs instead). Called with args already parsed by `args`.
   */
  evaluate(args: z.output<Args>, ctx: ConditionContext): boolean;
  /** The reason reported when `evaluate` is false. */
  readonly failReason: BaseReasonCode;
}

/** Declares a node type with its argument types checked against its schema. */
export function defineNode<Args extends z.ZodType>(definition: NodeDefinition<Args>): NodeDefinition<Args> {
  return definition;
}

/** Inputs of a condition node: fed by start or other nodes, several inputs are ANDed. */
export const CONDITION_INPUTS = { min: 1, max: null } as const;
