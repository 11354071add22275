import { describe, expect, it } from 'vitest';
import { createCampaignIndex, findCandidates } from './candidate-index.js';
import { cartOf, line, makeCampaign } from './testing/campaign-factory.js';

const pct = { kind: 'percent_off', payRate: 9_000 } as const;

describe('campaign index', () => {
  const bySku = makeCampaign({ id: 'sku', scope: { type: 'items', skus: ['A'] }, offer: pct });
  const byCategory = makeCampaign({ id: 'cat', scope: { type: 'categories', categoryIds: ['drinks'] }, offer: pct });
  const storewide = makeCampaign({ id: 'all', offer: pct });
  const flash = makeCampaign({
    id: 'flash',
    offer: { kind: 'flash_sale', slots: [{ start: '10:00', end: '11:00' }], items: [{ sku: 'TV', price: 1, stock: 1 }] },
  });
  const index = createCampaignIndex([bySku, byCategory, storewide, flash]);

  it.each([
    { name: 'a SKU line finds SKU and storewide campaigns', lines: [line('A', 100)], ids: ['all', 'sku'] },
    { name: 'an ancestor category finds category campaigns', lines: [line('B', 100, 1, { categoryIds: ['cola', 'drinks'] })], ids: ['all', 'cat'] },
    { name: 'a storewide-scoped flash sale is indexed by its SKUs', lines: [line('TV', 100)], ids: ['all', 'flash'] },
    { name: 'an unrelated line finds storewide ones only', lines: [line('Z', 100)], ids: ['all'] },
  ])('$name', ({ lines, ids }) => {
    expect(findCandidates(index, cartOf(lines)).map((h) => h.entry.campaign.id).sort()).toEqual(ids);
  });

  it('orders candidates by priority, then id', () => {
    const a = makeCampaign({ id: 'a', priority: 1, offer: pct });
    const b = makeCampaign({ id: 'b', priority: 9, offer: pct });
    const c = makeCampaign({ id: 'c', priority: 9, offer: pct });
    expect(findCandidates(createCampaignIndex([a, c, b]), cartOf([line('A', 1)])).map((h) => h.entry.campaign.id)).toEqual(['b', 'c', 'a']);
  });

  it('leaves out drafts, paused and ended campaigns', () => {
    const statuses = ['draft', 'paused', 'ended', 'archived'] as const;
    const idx = createCampaignIndex(statuses.map((status) => makeCampaign({ id: status, status, offer: pct })));
    expect(idx.campaigns).toHaveLength(0);
  });

  it('reports a campaign with an invalid variant override instead of throwing', () => {
    const bad = makeCampaign({
      id: 'bad',
      offer: pct,
      experiment: { id: 'e', holdout: 0, variants: [{ key: 'v', weight: 10_000, overrides: { offer: { payRate: 'cheap' } } }] },
    });
    const idx = createCampaignIndex([bad, storewide]);
    expect(idx.campaigns.map((e) => e.campaign.id)).toEqual(['all']);
    expect(idx.rejected).toEqual([{ campaignId: 'bad', message: expect.stringContaining('override') }]);
  });
});
