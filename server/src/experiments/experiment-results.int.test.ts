import { assignVariant, HOLDOUT_KEY, type CampaignInput, type Experiment, type Offer } from '@promo/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { seedEvents, seedOrders, type SeedOrder } from '../analytics/analytics-seed.fixture.js';
import { liveTestModules } from '../live/live-test.fixtures.js';
import { campaignDoc, publishCampaign } from '../orders/orders.fixtures.js';

const OFFER: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 1000, off: 100 }] };
const EXPERIMENT: Experiment = {
  id: 'exp-tiers',
  holdout: 1000,
  variants: [
    { key: 'A', weight: 4500, overrides: {} },
    { key: 'B', weight: 4500, overrides: { offer: { tiers: [{ minSpend: 1000, off: 250 }] } } },
  ],
};
const USERS = 600;

interface ArmFigures {
  exposures: number;
  conversions: number;
  revenue: number;
  discountCost: number;
  revenueSumSquares: number;
}

/**
 * 600 exposed users assigned with the shared hash; whether a user buys depends on their arm
 * (`buys`), and buyers of B order twice. Returns the per-arm figures the route must report.
 */
async function seedExperiment(t: TestApp, campaignId: string, buys: (arm: string, i: number) => boolean): Promise<Map<string, ArmFigures>> {
  const at = t.clock.now() - 10 * 60_000;
  const want = new Map<string, ArmFigures>([HOLDOUT_KEY, 'A', 'B'].map((k) => [k, { exposures: 0, conversions: 0, revenue: 0, discountCost: 0, revenueSumSquares: 0 }]));
  const orders: SeedOrder[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const user = `xu-${i}`;
    const assignment = assignVariant(EXPERIMENT.id, user, EXPERIMENT);
    const arm = assignment.inHoldout ? HOLDOUT_KEY : assignment.variantKey!;
    const figures = want.get(arm)!;
    figures.exposures += 1;
    if (!buys(arm, i)) continue;
    const count = arm === 'B' ? 2 : 1;
    const total = 2000 + (i % 7) * 100;
    const discount = arm === HOLDOUT_KEY ? 0 : arm === 'A' ? 100 : 250;
    for (let k = 0; k < count; k += 1) orders.push({ id: `xo-${i}-${k}`, user, total, at: at + i, ...(discount > 0 ? { campaignId, discount } : {}) });
    figures.conversions += 1;
    figures.revenue += count * total;
    figures.revenueSumSquares += (count * total) ** 2;
    figures.discountCost += count * discount;
  }
  // One user saw it twice (counted once) and one order lies before the window (not counted).
  await seedEvents(t, [...Array.from({ length: USERS }, (_, i) => ({ user: `xu-${i}`, campaignId, at: at + i })), { user: 'xu-0', campaignId, at: at + 5 }]);
  await seedOrders(t, [...orders, { id: 'xo-early', user: 'xu-1', total: 99_999, at: t.clock.now() - 5 * 3_600_000 }]);
  return want;
}

async function publishExperiment(t: TestApp, id: string): Promise<void> {
  await publishCampaign(t, campaignDoc(id, OFFER, t.clock.now(), { experiment: EXPERIMENT, limits: { budget: 1_000_000 } }));
}

/** Saves a draft edit of the published campaign's working copy (it does not run until published again). */
async function saveDraft(t: TestApp, token: string, id: string, edit: Partial<CampaignInput>): Promise<number> {
  const current = await t.request.get(`/api/v1/campaigns/${id}`).set('Authorization', `Bearer ${token}`);
  const doc = { ...campaignDoc(id, OFFER, t.clock.now(), { experiment: EXPERIMENT, limits: { budget: 1_000_000 } }), ...edit };
  const saved = await t.request.put(`/api/v1/campaigns/${id}`).set('Authorization', `Bearer ${token}`).send({ ...doc, baseVersion: (current.body as { version: number }).version });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return (saved.body as { version: number }).version;
}

describe('A/B results and promote-winner', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('reports exact per-arm exposures, conversions, revenue and discount for users assigned by the shared hash, with z-test, Welch and SRM', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-1');
    const want = await seedExperiment(t, 'ab-1', (arm, i) => (arm === 'B' ? i % 5 < 2 : i % 10 === 0));
    const token = await t.login('analyst');
    const res = await t.request.get('/api/v1/experiments/ab-1/results').set('Authorization', `Bearer ${token}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as { experimentId: string; arms: { key: string; metrics: ArmFigures; summary: { conversionRate: number; revenuePerUser: number; roi: number | null }; vsControl: { control: string; conversion: { pValue: number; difference: number }; revenuePerUser: { pValue: number } } | null }[]; srm: { pValue: number; mismatch: boolean } };
    expect(body.experimentId).toBe('exp-tiers');
    expect(body.arms.map((a) => a.key)).toEqual([HOLDOUT_KEY, 'A', 'B']);
    for (const arm of body.arms) {
      const w = want.get(arm.key)!;
      expect(arm.metrics, arm.key).toEqual(w);
      expect(arm.summary.conversionRate).toBeCloseTo(w.conversions / w.exposures, 12);
      expect(arm.summary.revenuePerUser).toBeCloseTo(w.revenue / w.exposures, 9);
      expect(arm.summary.roi).toBe(w.discountCost > 0 ? (w.revenue - w.discountCost) / w.discountCost : null);
    }
    expect(want.get(HOLDOUT_KEY)!.exposures + want.get('A')!.exposures + want.get('B')!.exposures).toBe(USERS);
    expect(body.arms[0]!.vsControl).toBeNull();
    const b = body.arms[2]!.vsControl!;
    expect(b.control).toBe(HOLDOUT_KEY);
    expect(b.conversion.difference).toBeCloseTo(want.get('B')!.conversions / want.get('B')!.exposures - want.get(HOLDOUT_KEY)!.conversions / want.get(HOLDOUT_KEY)!.exposures, 12);
    expect(b.conversion.pValue).toBeLessThan(0.001);
    expect(b.revenuePerUser.pValue).toBeLessThan(0.001);
    expect(body.srm.mismatch).toBe(false);
    expect(body.srm.pValue).toBeGreaterThan(0.001);
  });

  it('promotes a significant winner as a new working copy with its overrides and without the experiment', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-2');
    await seedExperiment(t, 'ab-2', (arm, i) => (arm === 'B' ? i % 5 < 2 : i % 10 === 0));
    const planner = await t.login('planner');
    const before = await t.request.get('/api/v1/campaigns/ab-2').set('Authorization', `Bearer ${planner}`);
    const res = await t.request.post('/api/v1/experiments/ab-2/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.decision).toMatchObject({ winner: 'B', reason: { code: 'significant_winner' }, primaryMetric: 'conversion' });
    expect(res.body.saved).toEqual({ version: (before.body as { version: number }).version + 1 });
    const after = await t.request.get('/api/v1/campaigns/ab-2').set('Authorization', `Bearer ${planner}`);
    const doc = after.body as { version: number; status: string; experiment?: unknown; graph: { nodes: { id: string; args: { offer?: Offer } }[] } };
    expect(doc.version).toBe(res.body.saved.version);
    expect(doc.experiment).toBeUndefined();
    expect(doc.graph.nodes.find((n) => n.id === 'offer')!.args.offer).toMatchObject({ kind: 'threshold_off', tiers: [{ minSpend: 1000, off: 250 }] });
  });

  it('refuses to promote when no variant is significantly better, and changes nothing', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-3');
    await seedExperiment(t, 'ab-3', (_arm, i) => i % 5 === 0);
    const planner = await t.login('planner');
    const before = await t.request.get('/api/v1/campaigns/ab-3').set('Authorization', `Bearer ${planner}`);
    const preview = await t.request.post('/api/v1/experiments/ab-3/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100, apply: false });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ decision: { winner: null, reason: { code: 'no_significant_difference' } }, saved: null });
    const res = await t.request.post('/api/v1/experiments/ab-3/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: { decision: { winner: null, reason: { code: 'no_significant_difference' } } } });
    const after = await t.request.get('/api/v1/campaigns/ab-3').set('Authorization', `Bearer ${planner}`);
    expect(after.body).toEqual(before.body);
    const thin = await t.request.post('/api/v1/experiments/ab-3/promote-winner').set('Authorization', `Bearer ${planner}`).send({});
    expect(thin.status).toBe(409);
    expect(thin.body.error.details.decision.reason.code).toBe('insufficient_data');
  });

  it('analyses and promotes the published version, keeping the draft edits of the working copy', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-4');
    const want = await seedExperiment(t, 'ab-4', (arm, i) => (arm === 'B' ? i % 5 < 2 : i % 10 === 0));
    const planner = await t.login('planner');
    // A draft after publishing: a new name and a third arm that never ran.
    const [a, b] = EXPERIMENT.variants;
    await saveDraft(t, planner, 'ab-4', { name: '草稿改名', experiment: { ...EXPERIMENT, variants: [{ ...a!, weight: 3000 }, { ...b!, weight: 3000 }, { key: 'C', weight: 3000, overrides: {} }] } });
    const results = await t.request.get('/api/v1/experiments/ab-4/results').set('Authorization', `Bearer ${planner}`);
    expect(results.status, JSON.stringify(results.body)).toBe(200);
    const arms = (results.body as { arms: { key: string; metrics: ArmFigures }[] }).arms;
    expect(arms.map((arm) => [arm.key, arm.metrics])).toEqual([HOLDOUT_KEY, 'A', 'B'].map((key) => [key, want.get(key)]));
    const res = await t.request.post('/api/v1/experiments/ab-4/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.decision).toMatchObject({ winner: 'B', reason: { code: 'significant_winner' } });
    const after = await t.request.get('/api/v1/campaigns/ab-4').set('Authorization', `Bearer ${planner}`);
    const doc = after.body as { name: string; experiment?: unknown; graph: { nodes: { id: string; args: { offer?: Offer } }[] } };
    expect(doc.name).toBe('草稿改名');
    expect(doc.experiment).toBeUndefined();
    expect(doc.graph.nodes.find((n) => n.id === 'offer')!.args.offer).toMatchObject({ tiers: [{ minSpend: 1000, off: 250 }] });
  });

  it('refuses to roll out a winner whose draft changed since it ran, and changes nothing', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-5');
    await seedExperiment(t, 'ab-5', (arm, i) => (arm === 'B' ? i % 5 < 2 : i % 10 === 0));
    const planner = await t.login('planner');
    const [a, b] = EXPERIMENT.variants;
    await saveDraft(t, planner, 'ab-5', { experiment: { ...EXPERIMENT, variants: [a!, { ...b!, overrides: { offer: { tiers: [{ minSpend: 1000, off: 400 }] } } }] } });
    const before = await t.request.get('/api/v1/campaigns/ab-5').set('Authorization', `Bearer ${planner}`);
    const res = await t.request.post('/api/v1/experiments/ab-5/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: { decision: { winner: 'B' } } });
    expect(res.body.error.message).toContain('variant "B"');
    const after = await t.request.get('/api/v1/campaigns/ab-5').set('Authorization', `Bearer ${planner}`);
    expect(after.body).toEqual(before.body);
  });

  it('refuses to roll out a winner whose patched node changed in the draft since it ran', async () => {
    t = await createTestApp({ modules: liveTestModules() });
    await publishExperiment(t, 'ab-6');
    await seedExperiment(t, 'ab-6', (arm, i) => (arm === 'B' ? i % 5 < 2 : i % 10 === 0));
    const planner = await t.login('planner');
    // B's overrides are untouched, but the offer node they patch changed underneath them.
    const draftOffer: Offer = { kind: 'threshold_off', mode: 'tiers', tiers: [{ minSpend: 500, off: 100 }] };
    await saveDraft(t, planner, 'ab-6', { graph: campaignDoc('ab-6', draftOffer, t.clock.now()).graph });
    const res = await t.request.post('/api/v1/experiments/ab-6/promote-winner').set('Authorization', `Bearer ${planner}`).send({ minExposuresPerVariant: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('nodes it patches');
  });
});
