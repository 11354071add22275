import type { CampaignKind } from '../campaign/campaign.schema.js';
import type { z } from 'zod';
import type { OfferSchema } from '../campaign/offer.schema.js';
import type { RuleGraph } from './graph.schema.js';

/**
 * The smallest valid graph for a campaign: `start` → `offer`, laid out left to right. Templates
 * and tests start here and insert conditions on the edge. The offer may omit defaulted fields.
 * @throws RangeError when the offer's kind is not the campaign's kind
 */
export function createTemplateGraph(kind: CampaignKind, offer: z.input<typeof OfferSchema>): RuleGraph {
  if (offer.kind !== kind) throw new RangeError(`offer kind ${offer.kind} does not match campaign kind ${kind}`);
  return {
    nodes: [
      { id: 'start', type: 'start', args: {}, position: { x: 0, y: 0 } },
      { id: 'offer', type: 'offer', args: { offer }, position: { x: 320, y: 0 } },
    ],
    edges: [{ id: 'start->offer', source: 'start', target: 'offer' }],
  };
}
