import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaign/campaign.schema.js';
import { applyVariant, mergeOfferOverride } from './apply-variant.js';
import { oneOfferExperiment } from './experiment-campaign.fixture.js';

const BASE_OFFER = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 10_000, off: 1000 }] };

function campaign(overrides: Record<string, Record<string, unknown>>): Campaign {
  return oneOfferExperiment({
    name: '满100减10',
    offer: BASE_OFFER,
    schedule: { start: '2026-11-01T00:00:00+08:00', end: '2026-11-12T00:00:00+08:00' },
    experiment: {
      id: 'exp-1',
      holdout: 0,
      variants: [
        { key: 'control', weight: 5000 },
        { key: 'deeper', weight: 5000, overrides },
      ],
    },
  });
}

describe('applyVariant', () => {
  it('merges the variant overrides into the offer and removes the experiment', () => {
    const result = applyVariant(campaign({ 'offer-1': { tiers: [{ minSpend: 10_000, off: 1500 }] } }), 'deeper');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('experiment' in result.campaign).toBe(false);
    expect(result.campaign.graph.nodes[1]!.args['offer']).toEqual({ ...BASE_OFFER, tiers: [{ minSpend: 10_000, off: 1500 }] });
    expect(result.campaign.graph.nodes[0]).toEqual({ id: 'start', type: 'start', args: {} });
  });

  it('keeps the base offers for a variant without overrides', () => {
    const result = applyVariant(campaign({}), 'control');
    expect(result.ok && result.campaign.graph.nodes[1]!.args['offer']).toEqual(BASE_OFFER);
  });

  it('reports an unknown variant, an unknown node and an invalid merged offer', () => {
    expect(applyVariant(campaign({}), 'nope')).toMatchObject({ ok: false, problems: [{ code: 'unknown_variant' }] });
    expect(applyVariant(campaign({ 'offer-9': { off: 1 } }), 'deeper')).toMatchObject({
      ok: false,
      problems: [{ code: 'unknown_offer_node', nodeId: 'offer-9' }],
    });
    expect(applyVariant(campaign({ 'offer-1': { tiers: [] } }), 'deeper')).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_override', nodeId: 'offer-1' }],
    });
  });
});

describe('mergeOfferOverride', () => {
  it('replaces whole fields (a shallow merge)', () => {
    const merged = mergeOfferOverride({ kind: 'percent_off', payRate: 8500, maxDiscount: 2000 }, { payRate: 8000 }, 'percent_off');
    expect(merged).toEqual({ ok: true, offer: { kind: 'percent_off', payRate: 8000, maxDiscount: 2000 } });
  });

  it('refuses an override that changes the offer kind', () => {
    const merged = mergeOfferOverride({ kind: 'percent_off', payRate: 8500 }, { kind: 'threshold_off', mode: 'every', every: 100, off: 10 }, 'percent_off');
    expect(merged.ok).toBe(false);
  });

  it('refuses a node without an offer', () => {
    expect(mergeOfferOverride(undefined, { payRate: 8000 }, 'percent_off')).toEqual({ ok: false, detail: 'the node has no offer' });
  });
});
