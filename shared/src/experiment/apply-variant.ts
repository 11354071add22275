import type { Campaign, CampaignKind, Variant } from '../campaign/campaign.schema.js';
import { OfferSchema, type Offer } from '../campaign/offer.schema.js';

/** Why a variant's overrides cannot be applied to its campaign. */
export interface VariantOverrideProblem {
  code: 'unknown_variant' | 'unknown_offer_node' | 'invalid_override';
  nodeId?: string;
  message: { zh: string; en: string };
}

export type MergeOfferResult = { ok: true; offer: Offer } | { ok: false; detail: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one definition of how a variant override combines with an offer: a shallow merge of the
 * override's fields over the offer node's `args.offer` (so an override of `tiers` replaces the whole
 * tier list), re-validated with `OfferSchema`; the result must keep the campaign's kind.
 */
export function mergeOfferOverride(offer: unknown, override: Record<string, unknown>, kind: CampaignKind): MergeOfferResult {
  if (!isRecord(offer)) return { ok: false, detail: 'the node has no offer' };
  const parsed = OfferSchema.safeParse({ ...offer, ...override });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: issue ? `${issue.path.join('.') || 'offer'}: ${issue.message}` : 'invalid offer' };
  }
  if (parsed.data.kind !== kind) return { ok: false, detail: `offer kind ${parsed.data.kind} is not the campaign kind ${kind}` };
  return { ok: true, offer: parsed.data };
}

function overrideProblems(campaign: Campaign, variant: Variant): { nodes: Campaign['graph']['nodes']; problems: VariantOverrideProblem[] } {
  const problems: VariantOverrideProblem[] = [];
  const nodes = campaign.graph.nodes.map((node) => {
    const override = variant.overrides[node.id];
    if (override === undefined || node.type !== 'offer') return node;
    const merged = mergeOfferOverride(node.args['offer'], override, campaign.kind);
    if (merged.ok) return { ...node, args: { ...node.args, offer: merged.offer } };
    problems.push({
      code: 'invalid_override',
      nodeId: node.id,
      message: {
        zh: `变体“${variant.key}”对优惠节点 ${node.id} 的覆盖无效：${merged.detail}`,
        en: `Variant "${variant.key}" override of offer node ${node.id} is invalid: ${merged.detail}`,
      },
    });
    return node;
  });
  const offerIds = new Set(campaign.graph.nodes.filter((n) => n.type === 'offer').map((n) => n.id));
  for (const nodeId of Object.keys(variant.overrides)) {
    if (offerIds.has(nodeId)) continue;
    problems.push({
      code: 'unknown_offer_node',
      nodeId,
      message: {
        zh: `变体“${variant.key}”覆盖的节点 ${nodeId} 不是本活动的优惠节点`,
        en: `Variant "${variant.key}" overrides node ${nodeId}, which is not an offer node of this campaign`,
      },
    });
  }
  return { nodes, problems };
}

export type ApplyVariantResult = { ok: true; campaign: Campaign } | { ok: false; problems: VariantOverrideProblem[] };

/**
 * The campaign as it would be with `variantKey` rolled out to everyone: that variant's overrides
 * merged into the base offers (see {@link mergeOfferOverride}) and the experiment removed. Status
 * and version are left alone: saving it as a new version is the caller's (publishing) job.
 */
export function applyVariant(campaign: Campaign, variantKey: string): ApplyVariantResult {
  const variant = campaign.experiment?.variants.find((v) => v.key === variantKey);
  if (!variant) {
    return {
      ok: false,
      problems: [{ code: 'unknown_variant', message: { zh: `活动没有变体“${variantKey}”`, en: `The campaign has no variant "${variantKey}"` } }],
    };
  }
  const { nodes, problems } = overrideProblems(campaign, variant);
  if (problems.length > 0) return { ok: false, problems };
  const { experiment: _promoted, ...rest } = campaign;
  return { ok: true, campaign: { ...rest, graph: { ...campaign.graph, nodes } } };
}
