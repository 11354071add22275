import { getNodeDefinition, RuleGraphSchema } from '@promo/shared';
import type { Locale } from '../i18n/locale-preference.js';
import { summarizeNode } from '../editor/graph/node-summary.js';

/** What a planner needs to compare two rule graphs at a glance. */
export interface GraphSummary {
  /** The offer preview line ("满100减10, 满200减30"); null without a readable offer node. */
  offers: string[];
  nodeCount: number;
  edgeCount: number;
  /** Each condition by its registry label, with its arguments ("地区: 浙江, 上海"). */
  conditions: string[];
  /** Logic nodes (and / or / not) by label, counted ("或 ×2"). */
  logic: string[];
}

/**
 * A readable summary of a rule graph for the conflict dialog, instead of its JSON: the offer
 * preview, the node count and the conditions by their registry labels. Null when the value is
 * not a rule graph.
 */
export function summarizeGraph(value: unknown, locale: Locale): GraphSummary | null {
  const parsed = RuleGraphSchema.safeParse(value);
  if (!parsed.success) return null;
  const { nodes, edges } = parsed.data;
  const offers: string[] = [];
  const conditions: string[] = [];
  const logic = new Map<string, number>();
  for (const node of nodes) {
    const definition = getNodeDefinition(node.type);
    const label = definition?.label[locale] ?? node.type;
    const args = node.args as Record<string, unknown>;
    if (definition?.category === 'offer') offers.push(...summarizeNode(node.type, args, locale));
    else if (definition?.category === 'logic') logic.set(label, (logic.get(label) ?? 0) + 1);
    else if (definition?.category !== 'start') {
      const details = summarizeNode(node.type, args, locale);
      conditions.push(details.length === 0 ? label : locale === 'zh' ? `${label}（${details.join('；')}）` : `${label} (${details.join('; ')})`);
    }
  }
  return {
    offers,
    nodeCount: nodes.length,
    edgeCount: edges.length,
    conditions: conditions.sort((a, b) => a.localeCompare(b)),
    logic: [...logic].map(([label, count]) => (count > 1 ? `${label} ×${count}` : label)),
  };
}
