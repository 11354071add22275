import type { CampaignKind } from '../campaign/campaign.schema.js';
import type { Offer } from '../campaign/offer.schema.js';
import type { BaseReasonCode } from '../pricing/reason.js';
import type { CompiledGraph, ConditionContext, GraphEvaluation } from './evaluator.types.js';
import { GraphValidationError } from './graph-problem.js';
import type { RuleGraph } from './graph.schema.js';
import { buildStructure, topologicalOrder } from './graph-structure.js';
import { getNodeDefinition } from './node-registry.js';
import { validateGraph } from './validate-graph.js';

export { GraphValidationError } from './graph-problem.js';
export type { GraphProblem, GraphProblemCode } from './graph-problem.js';

const OP_START = 0;
const OP_CONDITION = 1;
const OP_AND = 2;
const OP_OR = 3;
const OP_NOT = 4;

type Check = (ctx: ConditionContext) => boolean;

const ALWAYS: Check = () => true;

/** The flat program a graph compiles to: one slot per node in topological order. */
interface Program {
  ops: Uint8Array;
  /** Inputs of slot i are `inputs[inputStart[i] .. inputStart[i + 1])`, as slot numbers. */
  inputStart: Int32Array;
  inputs: Int32Array;
  checks: Check[];
  reasons: BaseReasonCode[];
  offerSlots: Int32Array;
}

function opOf(type: string, category: string): number {
  if (type === 'start') return OP_START;
  if (type === 'or') return OP_OR;
  if (type === 'not') return OP_NOT;
  return category === 'condition' ? OP_CONDITION : OP_AND;
}

function buildProgram(graph: RuleGraph): { program: Program; offers: Array<{ nodeId: string; offer: Offer }> } {
  const structure = buildStructure(graph);
  const order = topologicalOrder(structure, graph.nodes.length);
  const slotOf = new Int32Array(graph.nodes.length).fill(-1);
  order.forEach((nodeIndex, slot) => (slotOf[nodeIndex] = slot));
  const n = order.length;
  const ops = new Uint8Array(n);
  const inputStart = new Int32Array(n + 1);
  const inputs: number[] = [];
  const checks: Check[] = [];
  const reasons: BaseReasonCode[] = [];
  order.forEach((nodeIndex, slot) => {
    const node = graph.nodes[nodeIndex]!;
    const definition = getNodeDefinition(node.type)!;
    ops[slot] = opOf(node.type, definition.category);
    inputStart[slot] = inputs.length;
    for (const source of structure.incoming[nodeIndex]!) inputs.push(slotOf[source]!);
    // Args are parsed once here; the check closes over the parsed object so per-args memos hold.
    const args: unknown = definition.args.parse(node.args);
    checks.push(ops[slot] === OP_CONDITION ? (ctx) => definition.evaluate(args, ctx) : ALWAYS);
    reasons.push(definition.failReason);
  });
  inputStart[n] = inputs.length;
  const offers: Array<{ nodeId: string; offer: Offer }> = [];
  const offerSlots: number[] = [];
  graph.nodes.forEach((node, nodeIndex) => {
    if (node.type !== 'offer' || slotOf[nodeIndex] === -1) return;
    const parsed = getNodeDefinition('offer')!.args.parse(node.args) as { offer: Offer };
    offers.push({ nodeId: node.id, offer: parsed.offer });
    offerSlots.push(slotOf[nodeIndex]!);
  });
  return {
    program: { ops, inputStart, inputs: Int32Array.from(inputs), checks, reasons, offerSlots: Int32Array.from(offerSlots) },
    offers,
  };
}

const NO_CAUSE = -1;

/**
 * Runs the program over `values` (one byte per slot), a tight loop with no allocation. For a false
 * slot, `causes` gets the condition slot whose failed check made it false (through its first false
 * input), or `NO_CAUSE` when a NOT (or an input-less OR) decided it: the cheap explanation.
 */
function run(program: Program, values: Uint8Array, causes: Int32Array, ctx: ConditionContext): void {
  const { ops, inputStart, inputs, checks } = program;
  const n = ops.length;
  for (let slot = 0; slot < n; slot++) {
    const op = ops[slot];
    const from = inputStart[slot]!;
    const to = inputStart[slot + 1]!;
    let value = 1;
    let cause = NO_CAUSE;
    if (op === OP_OR) {
      value = 0;
      for (let j = from; j < to; j++) {
        if (values[inputs[j]!]) {
          value = 1;
          break;
        }
      }
      if (value === 0 && to > from) cause = causes[inputs[from]!]!;
    } else if (op === OP_NOT) {
      value = values[inputs[from]!] ? 0 : 1;
    } else if (op !== OP_START) {
      for (let j = from; j < to; j++) {
        const input = inputs[j]!;
        if (!values[input]) {
          value = 0;
          cause = causes[input]!;
          break;
        }
      }
      if (value === 1 && op === OP_CONDITION && !checks[slot]!(ctx)) {
        value = 0;
        cause = slot;
      }
    }
    values[slot] = value;
    causes[slot] = cause;
  }
}

/**
 * Why no offer fired: walks back from the offers breadth-first, so the failing conditions nearest
 * to an offer come first. A condition skipped because an input was already false is checked now,
 * so a cart failing both the window and the region hears about the region (nearer the offer) too.
 * The generic `condition_not_met` (a NOT whose input held) goes last.
 */
function explain(program: Program, values: Uint8Array, ctx: ConditionContext): BaseReasonCode[] {
  const { ops, inputStart, inputs, checks, reasons, offerSlots } = program;
  const seen = new Uint8Array(ops.length);
  const queue = Array.from(offerSlots);
  for (const slot of queue) seen[slot] = 1;
  const found: BaseReasonCode[] = [];
  let generic = false;
  for (let head = 0; head < queue.length; head++) {
    const slot = queue[head]!;
    if (values[slot]) continue;
    const op = ops[slot];
    if (op === OP_NOT) {
      generic = true;
      continue;
    }
    if (op === OP_CONDITION && !checks[slot]!(ctx) && !found.includes(reasons[slot]!)) found.push(reasons[slot]!);
    for (let j = inputStart[slot]!; j < inputStart[slot + 1]!; j++) {
      const input = inputs[j]!;
      if (seen[input] || values[input]) continue;
      seen[input] = 1;
      queue.push(input);
    }
  }
  if (generic || found.length === 0) found.push('condition_not_met');
  return found;
}

/**
 * A failed evaluation whose full explanation is worked out only if someone reads it: the context
 * is copied (the engine re-points one context object per campaign) and the program re-run then.
 */
class FailedEvaluation implements GraphEvaluation {
  readonly firedOfferNodeIds: string[] = [];
  private explained: readonly BaseReasonCode[] | null = null;
  private readonly ctx: ConditionContext;

  constructor(
    private readonly program: Program,
    ctx: ConditionContext,
    readonly reason: BaseReasonCode,
  ) {
    this.ctx = { ...ctx };
  }

  get failedReasons(): readonly BaseReasonCode[] {
    if (this.explained === null) {
      const n = this.program.ops.length;
      const values = new Uint8Array(n);
      run(this.program, values, new Int32Array(n), this.ctx);
      this.explained = explain(this.program, values, this.ctx);
    }
    return this.explained;
  }
}

const NONE_FAILED: readonly BaseReasonCode[] = [];

/**
 * Validates a rule graph for a campaign of `kind` and compiles it into a flat program: nodes in
 * topological order, each evaluated once per call (shared sub-expressions are computed once), a
 * node with several inputs being the AND of them (`or` ORs them, `not` negates its one input),
 * conditions short-circuited when an input is already false. `start` is always true; an offer
 * fires when its inputs hold.
 * @throws GraphValidationError with every problem when the graph is invalid
 */
export function compileGraph(graph: RuleGraph, kind: CampaignKind): CompiledGraph {
  const problems = validateGraph(graph, kind);
  if (problems.length > 0) throw new GraphValidationError(problems);
  const { program, offers } = buildProgram(graph);
  // One scratch buffer per compiled graph: evaluation is synchronous and conditions are pure, so
  // it is never used by two evaluations at once.
  const values = new Uint8Array(program.ops.length);
  const causes = new Int32Array(program.ops.length);
  const offerIds = offers.map((o) => o.nodeId);

  function evaluate(ctx: ConditionContext): GraphEvaluation {
    run(program, values, causes, ctx);
    const firedOfferNodeIds: string[] = [];
    let cause = NO_CAUSE;
    for (let k = 0; k < program.offerSlots.length; k++) {
      const slot = program.offerSlots[k]!;
      if (values[slot]) firedOfferNodeIds.push(offerIds[k]!);
      else if (cause === NO_CAUSE) cause = causes[slot]!;
    }
    if (firedOfferNodeIds.length > 0) return { firedOfferNodeIds, failedReasons: NONE_FAILED, reason: null };
    return new FailedEvaluation(program, ctx, cause === NO_CAUSE ? 'condition_not_met' : program.reasons[cause]!);
  }

  return { offers, evaluate };
}
