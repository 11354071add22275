import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../campaign/offer.schema.js';
import { compileGraph } from './compile-graph.js';
import { makeContext } from './condition-context.fixture.js';
import type { ConditionContext } from './evaluator.types.js';
import { GraphValidationError } from './graph-problem.js';
import type { GraphNode, RuleGraph } from './graph.schema.js';
import { getNodeDefinition } from './node-registry.js';
import { createTemplateGraph } from './template-graph.js';

const tiers: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 1_000 }] };

/** The reference semantics, written the obvious recursive way. */
function naiveFired(graph: RuleGraph, ctx: ConditionContext): string[] {
  const memo = new Map<string, boolean>();
  const value = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = graph.nodes.find((n) => n.id === id)!;
    const inputs = graph.edges.filter((e) => e.target === id).map((e) => value(e.source));
    const definition = getNodeDefinition(node.type)!;
    let result: boolean;
    if (node.type === 'start') result = true;
    else if (node.type === 'or') result = inputs.some(Boolean);
    else if (node.type === 'not') result = !inputs[0];
    else result = inputs.every(Boolean) && definition.evaluate(definition.args.parse(node.args), ctx);
    memo.set(id, result);
    return result;
  };
  return graph.nodes.filter((n) => n.type === 'offer' && value(n.id)).map((n) => n.id);
}

const conditionArb = fc.oneof(
  fc.record({ type: fc.constant('channel'), args: fc.record({ channels: fc.subarray(['app', 'mini_program', 'web', 'pos'] as const, { minLength: 1 }) }) }),
  fc.record({ type: fc.constant('member_level'), args: fc.record({ minLevel: fc.integer({ min: 0, max: 5 }) }) }),
  fc.record({ type: fc.constant('new_user'), args: fc.constant({}) }),
  fc.record({ type: fc.constant('ab_variant'), args: fc.record({ keys: fc.subarray(['A', 'B', 'C'], { minLength: 1 }) }) }),
  fc.record({ type: fc.constant('cart_subtotal'), args: fc.record({ minSpend: fc.integer({ min: 0, max: 10_000 }) }) }),
  fc.record({ type: fc.constantFrom('and', 'or', 'not'), args: fc.constant({}) }),
);

/** A valid random DAG: start, inner nodes fed by earlier nodes, offers at the end; every node leads to an offer. */
const graphArb = fc
  .record({
    inner: fc.array(fc.record({ node: conditionArb, picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 25 }),
    offers: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    fallback: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
  })
  .map(({ inner, offers, fallback }) => {
    const nodes: GraphNode[] = [{ id: 'n0', type: 'start', args: {} }];
    const edges: RuleGraph['edges'] = [];
    const connect = (source: string, target: string): void => {
      if (!edges.some((e) => e.source === source && e.target === target)) edges.push({ id: `${source}-${target}`, source, target });
    };
    inner.forEach(({ node, picks }, k) => {
      const id = `n${k + 1}`;
      nodes.push({ id, type: node.type, args: node.args });
      const sources = node.type === 'not' ? picks.slice(0, 1) : picks;
      for (const pick of sources) connect(`n${pick % (k + 1)}`, id);
    });
    offers.forEach((picks, k) => {
      const id = `o${k}`;
      nodes.push({ id, type: 'offer', args: { offer: tiers } });
      for (const pick of picks) connect(`n${pick % nodes.filter((n) => n.type !== 'offer').length}`, id);
    });
    nodes.forEach((node, i) => {
      if (node.type === 'offer' || edges.some((e) => e.source === node.id)) return;
      connect(node.id, `o${(fallback[i % fallback.length] ?? 0) % offers.length}`);
    });
    return { nodes, edges } satisfies RuleGraph;
  });

const contextArb = fc
  .record({
    channel: fc.constantFrom('app', 'mini_program', 'web', 'pos'),
    memberLevel: fc.integer({ min: 0, max: 5 }),
    isNewUser: fc.boolean(),
    variantKey: fc.constantFrom(null, 'A', 'B', 'C'),
    scopeSubtotal: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ channel, memberLevel, isNewUser, variantKey, scopeSubtotal }) =>
    makeContext({ variantKey, scopeSubtotal, user: { channel, memberLevel, isNewUser } }),
  );

describe('compileGraph', () => {
  it('fires the same offers as a naive recursive evaluator on random DAGs', () => {
    fc.assert(
      fc.property(graphArb, fc.array(contextArb, { minLength: 1, maxLength: 5 }), (graph, contexts) => {
        const compiled = compileGraph(graph, 'threshold_off');
        for (const ctx of contexts) {
          const result = compiled.evaluate(ctx);
          expect(result.firedOfferNodeIds).toEqual(naiveFired(graph, ctx));
          expect(result.failedReasons.length > 0).toBe(result.firedOfferNodeIds.length === 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports only reasons of conditions on the graph that fail for the cart', () => {
    fc.assert(
      fc.property(graphArb, contextArb, (graph, ctx) => {
        const { failedReasons } = compileGraph(graph, 'threshold_off').evaluate(ctx);
        const failing = new Set(
          graph.nodes
            .map((n) => ({ n, definition: getNodeDefinition(n.type)! }))
            .filter(({ n, definition }) => definition.category === 'condition' && !definition.evaluate(definition.args.parse(n.args), ctx))
            .map(({ definition }) => definition.failReason),
        );
        for (const reason of failedReasons.filter((r) => r !== 'condition_not_met')) expect(failing).toContain(reason);
        expect(new Set(failedReasons).size).toBe(failedReasons.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a cheap reason from the evaluation itself that is one of the full explanation', () => {
    fc.assert(
      fc.property(graphArb, contextArb, (graph, ctx) => {
        const result = compileGraph(graph, 'threshold_off').evaluate(ctx);
        if (result.firedOfferNodeIds.length > 0) expect(result.reason).toBeNull();
        else expect(result.failedReasons).toContain(result.reason);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the offers in graph order with their parsed offers', () => {
    const compiled = compileGraph(createTemplateGraph('threshold_off', tiers), 'threshold_off');
    expect(compiled.offers).toEqual([{ nodeId: 'offer', offer: tiers }]);
    expect(compiled.evaluate(makeContext())).toEqual({ firedOfferNodeIds: ['offer'], failedReasons: [], reason: null });
  });

  it('throws GraphValidationError listing the problems of an invalid graph', () => {
    const graph = createTemplateGraph('threshold_off', tiers);
    let error: unknown;
    try {
      compileGraph(graph, 'percent_off');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphValidationError);
    expect((error as GraphValidationError).problems.map((p) => [p.code, p.nodeId])).toEqual([['offer_kind_mismatch', 'offer']]);
  });

  it('reports the failing condition nearest the offer first, including ones skipped by an earlier failure', () => {
    const graph: RuleGraph = {
      nodes: [
        { id: 's', type: 'start', args: {} },
        { id: 'time', type: 'window', args: { start: '2020-01-01T00:00:00+08:00', end: '2020-02-01T00:00:00+08:00' } },
        { id: 'where', type: 'region', args: { provinces: ['44'] } },
        { id: 'o', type: 'offer', args: { offer: tiers } },
      ],
      edges: [
        { id: 'e1', source: 's', target: 'time' },
        { id: 'e2', source: 'time', target: 'where' },
        { id: 'e3', source: 'where', target: 'o' },
      ],
    };
    const compiled = compileGraph(graph, 'threshold_off');
    expect(compiled.evaluate(makeContext()).failedReasons).toEqual(['region_mismatch', 'outside_window']);
    // The cheap reason is the failure the evaluation met first: the window (the region was skipped).
    expect(compiled.evaluate(makeContext()).reason).toBe('outside_window');
    expect(compiled.evaluate(makeContext({ user: { region: { province: '44' } } })).failedReasons).toEqual(['outside_window']);
  });

  it('explains an OR by all its failing branches and a NOT by the generic reason', () => {
    const graph: RuleGraph = {
      nodes: [
        { id: 's', type: 'start', args: {} },
        { id: 'vip', type: 'member_level', args: { minLevel: 5 } },
        { id: 'fresh', type: 'new_user', args: {} },
        { id: 'either', type: 'or', args: {} },
        { id: 'app', type: 'channel', args: { channels: ['app'] } },
        { id: 'notApp', type: 'not', args: {} },
        { id: 'o1', type: 'offer', args: { offer: tiers } },
        { id: 'o2', type: 'offer', args: { offer: tiers } },
      ],
      edges: [
        { id: 'a', source: 's', target: 'vip' },
        { id: 'b', source: 's', target: 'fresh' },
        { id: 'c', source: 'vip', target: 'either' },
        { id: 'd', source: 'fresh', target: 'either' },
        { id: 'e', source: 'either', target: 'o1' },
        { id: 'f', source: 's', target: 'app' },
        { id: 'g', source: 'app', target: 'notApp' },
        { id: 'h', source: 'notApp', target: 'o2' },
      ],
    };
    const result = compileGraph(graph, 'threshold_off').evaluate(makeContext());
    expect(result.firedOfferNodeIds).toEqual([]);
    expect(result.failedReasons).toEqual(['member_level_too_low', 'not_new_user', 'condition_not_met']);
    expect(result.reason).toBe('member_level_too_low');
  });
});
