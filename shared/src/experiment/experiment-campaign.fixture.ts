import { CampaignSchema, type Campaign } from '../campaign/campaign.schema.js';

/** A storewide campaign whose graph is start → one offer node `offer-1`, running `experiment`. */
export function oneOfferExperiment(input: { name: string; offer: { kind: string } & Record<string, unknown>; schedule: { start: string; end: string }; experiment: unknown }): Campaign {
  return CampaignSchema.parse({
    id: 'c1',
    name: input.name,
    kind: input.offer.kind,
    schedule: input.schedule,
    scope: { type: 'storewide' },
    graph: {
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'offer-1', type: 'offer', args: { offer: input.offer } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'offer-1' }],
    },
    experiment: input.experiment,
  });
}
