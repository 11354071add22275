import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Campaign, Cart, GraphNode, UserContext } from '@promo/shared';

type Json = Record<string, unknown>;

function leaf(node: GraphNode): NestedCondition | null {
  const a = node.args as Json;
  switch (node.type) {
    case 'region': {
      const listed: TopLevelCondition = {
        any: [
          { fact: 'province', operator: 'in', value: (a['provinces'] as string[] | undefined) ?? [] },
          { fact: 'city', operator: 'in', value: (a['cities'] as string[] | undefined) ?? [] },
        ],
      };
      return a['mode'] === 'exclude' ? { not: listed } : listed;
    }
    case 'channel':
      return { fact: 'channel', operator: 'in', value: a['channels'] as string[] };
    case 'user_tags': {
      const tags = a['tags'] as string[];
      if (a['mode'] === 'all') return { fact: 'tags', operator: 'containsAll', value: tags };
      const any: NestedCondition = { fact: 'tags', operator: 'intersects', value: tags };
      return a['mode'] === 'none' ? { not: any } : any;
    }
    case 'member_level':
      return { fact: 'memberLevel', operator: 'greaterThanInclusive', value: a['minLevel'] as number };
    case 'new_user':
      return { fact: 'isNewUser', operator: 'equal', value: true };
    case 'cart_subtotal':
      return { fact: 'subtotal', operator: 'greaterThanInclusive', value: a['minSpend'] as number };
    case 'contains_category':
      return { fact: 'categories', operator: 'intersects', value: a['categoryIds'] as string[] };
    case 'window':
      return { all: [{ fact: 'now', operator: 'greaterThanInclusive', value: a['start'] as string }, { fact: 'now', operator: 'lessThan', value: a['end'] as string }] };
    default:
      return null;
  }
}

/** The graph's condition for one node: AND of its inputs and its own check (`or` / `not` as logic). */
function expression(campaign: Campaign, nodeId: string): NestedCondition | null {
  const node = campaign.graph.nodes.find((n) => n.id === nodeId)!;
  const inputs = campaign.graph.edges
    .filter((e) => e.target === nodeId)
    .map((e) => expression(campaign, e.source))
    .filter((c): c is NestedCondition => c !== null);
  if (node.type === 'start') return null;
  if (node.type === 'or') return inputs.length > 0 ? { any: inputs } : null;
  if (node.type === 'not') return inputs[0] ? { not: inputs[0] } : null;
  const own = leaf(node);
  const parts = own ? [...inputs, own] : inputs;
  return parts.length === 0 ? null : { all: parts };
}

function scopeCondition(campaign: Campaign): NestedCondition | null {
  const { scope } = campaign;
  if (scope.type === 'items') return { fact: 'skus', operator: 'intersects', value: scope.skus };
  if (scope.type === 'categories') return { fact: 'categories', operator: 'intersects', value: scope.categoryIds };
  const offer = campaign.graph.nodes.find((n) => n.type === 'offer')?.args['offer'] as Json | undefined;
  const items = offer?.['items'] as Array<{ sku: string }> | undefined;
  return items ? { fact: 'skus', operator: 'intersects', value: items.map((i) => i.sku) } : null;
}

/**
 * One json-rules-engine rule per campaign with the same conditions our engine evaluates: the window
 * (and recurrence weekday), the scope against the cart's SKUs / categories, and the rule graph.
 */
export function createJsonRulesEngine(campaigns: readonly Campaign[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator<string[], string[]>('intersects', (fact, value) => value.some((v) => fact.includes(v)));
  engine.addOperator<string[], string[]>('containsAll', (fact, value) => value.every((v) => fact.includes(v)));
  for (const campaign of campaigns) {
    const all: NestedCondition[] = [
      { fact: 'now', operator: 'greaterThanInclusive', value: campaign.schedule.start },
      { fact: 'now', operator: 'lessThan', value: campaign.schedule.end },
    ];
    if (campaign.schedule.recurrence) all.push({ fact: 'weekday', operator: 'equal', value: 'TH' });
    const scope = scopeCondition(campaign);
    if (scope) all.push(scope);
    for (const node of campaign.graph.nodes.filter((n) => n.type === 'offer')) {
      const graph = expression(campaign, node.id);
      if (graph) all.push(graph);
    }
    engine.addRule({ name: campaign.id, conditions: { all }, event: { type: 'campaign', params: { id: campaign.id } } });
  }
  return engine;
}

/** The facts of one cart (computed once per run, like our engine's inputs). */
export function cartFacts(cart: Cart, user: UserContext, nowIso: string): Record<string, unknown> {
  return {
    now: nowIso,
    weekday: 'TH',
    skus: cart.lines.map((l) => l.sku),
    categories: [...new Set(cart.lines.flatMap((l) => l.categoryIds))],
    subtotal: cart.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
    province: user.region.province,
    city: user.region.city,
    channel: user.channel,
    tags: user.tags,
    memberLevel: user.memberLevel,
    isNewUser: user.isNewUser,
  };
}
