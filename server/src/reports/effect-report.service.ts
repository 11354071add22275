import { HOLDOUT_KEY, type Campaign } from '@promo/shared';
import type { Knex } from 'knex';
import { campaignOrders, eventCounts, eventUsers, platformActivity, usersWithOrdersBefore, userOrderTotals, type CampaignOrderRow } from '../analytics/analytics-data.repo.js';
import { experimentResults, type ExperimentResults } from '../experiments/experiment-results.service.js';

/** The effects the campaign brief expects (relative lifts), to grade the result against. */
export const EXPECTED_EFFECTS = {
  activity: { low: 0.2, high: 0.3 },
  orders: { low: 0.15, high: 0.25 },
  newUserConversion: { low: 0.1, high: 0.15 },
  repurchase: { low: 0.05, high: 0.1 },
} as const;
export type EffectName = keyof typeof EXPECTED_EFFECTS;

export interface EffectCheck {
  effect: EffectName;
  /** Measured relative lift; null when there is no baseline to compare with. */
  lift: number | null;
  expected: { low: number; high: number };
  verdict: 'below' | 'within' | 'above' | 'unknown';
}

export interface SplitRow {
  key: string;
  orders: number;
  gmv: number;
  discount: number;
  buyers: number;
}

export interface EffectReport {
  subject: { kind: 'campaign' | 'theme'; id: string; name: string };
  window: { from: number; to: number };
  prePeriod: { from: number; to: number };
  participation: number;
  orders: number;
  gmv: number;
  discountCost: number;
  /** (GMV − discount) / discount; null without discount. */
  roi: number | null;
  budget: number | null;
  /** discount / budget; null without a budget. */
  budgetBurn: number | null;
  impressions: number;
  clicks: number;
  newUserConversion: { exposedNewUsers: number; converted: number; rate: number | null; preRate: number | null };
  repurchase: { buyers: number; repeatBuyers: number; rate: number | null; preRate: number | null };
  lift: { basis: 'holdout' | 'pre_period'; revenuePerUser: number | null; conversion: number | null; activity: number | null; orders: number | null };
  expected: EffectCheck[];
  byRegion: SplitRow[];
  byChannel: SplitRow[];
  bySegment: SplitRow[];
  /** GMV and orders per hour, for the chart. */
  hourly: { hour: number; orders: number; gmv: number }[];
  experiments: ExperimentResults[];
}

function verdict(lift: number | null, range: { low: number; high: number }): EffectCheck['verdict'] {
  if (lift === null) return 'unknown';
  return lift < range.low ? 'below' : lift > range.high ? 'above' : 'within';
}

function relative(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}

function split(rows: readonly CampaignOrderRow[], key: (r: CampaignOrderRow) => string): SplitRow[] {
  const map = new Map<string, { orders: Set<string>; gmv: number; discount: number; buyers: Set<string> }>();
  const countedGmv = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    const e = map.get(k) ?? { orders: new Set(), gmv: 0, discount: 0, buyers: new Set() };
    if (!countedGmv.has(`${k}|${r.orderId}`)) {
      countedGmv.add(`${k}|${r.orderId}`);
      e.gmv += r.total;
    }
    e.orders.add(r.orderId);
    e.discount += r.discount;
    e.buyers.add(r.userId);
    map.set(k, e);
  }
  return [...map].map(([k, e]) => ({ key: k, orders: e.orders.size, gmv: e.gmv, discount: e.discount, buyers: e.buyers.size })).sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
}

/** Share of `users` who had no committed order before `from` and placed one in `[from, to)`. */
async function newUserConversion(db: Knex, users: readonly string[], from: number, to: number) {
  const old = await usersWithOrdersBefore(db, users, from);
  const fresh = users.filter((u) => !old.has(u));
  const bought = await userOrderTotals(db, fresh, from, to);
  return { exposedNewUsers: fresh.length, converted: bought.size, rate: fresh.length > 0 ? bought.size / fresh.length : null };
}

/** Share of buyers in `[from, to)` with two or more committed orders there. */
async function repurchase(db: Knex, buyers: readonly string[], from: number, to: number) {
  const totals = await userOrderTotals(db, buyers, from, to);
  const repeat = [...totals.values()].filter((t) => t.orders >= 2).length;
  return { buyers: totals.size, repeatBuyers: repeat, rate: totals.size > 0 ? repeat / totals.size : null };
}

/**
 * The effect report of a set of campaigns (one campaign, or a theme's campaigns) over `window`.
 * Lift is against the holdout when the campaign has an experiment with one, otherwise against the
 * pre-period: the same length of time just before the window.
 */
export async function buildEffectReport(db: Knex, input: { subject: EffectReport['subject']; campaigns: readonly Campaign[]; window: { from: number; to: number }; budget: number | null }): Promise<EffectReport> {
  const { window } = input;
  const ids = input.campaigns.map((c) => c.id);
  const length = window.to - window.from;
  const pre = { from: window.from - length, to: window.from };
  const rows = await campaignOrders(db, ids, window.from, window.to);
  const orderIds = new Set(rows.map((r) => r.orderId));
  const gmvByOrder = new Map(rows.map((r) => [r.orderId, r.total]));
  const gmv = [...gmvByOrder.values()].reduce((s, v) => s + v, 0);
  const discountCost = rows.reduce((s, r) => s + r.discount, 0);
  const buyers = [...new Set(rows.map((r) => r.userId))];
  // Independent reads in parallel (they overlap on MariaDB; SQLite's one connection takes them in turn).
  // A fixed handful, so a report never takes more than seven connections of the pool.
  const [counts, exposed, preExposed, rep, now, before, oldUsers] = await Promise.all([
    eventCounts(db, ids, window.from, window.to),
    eventUsers(db, ids, 'impression', window.from, window.to),
    eventUsers(db, ids, 'impression', pre.from, pre.to),
    repurchase(db, buyers, window.from, window.to),
    platformActivity(db, window.from, window.to),
    platformActivity(db, pre.from, pre.to),
    usersWithOrdersBefore(db, buyers, window.from),
  ]);
  const [nuc, nucPre, repPre] = await Promise.all([
    newUserConversion(db, exposed, window.from, window.to),
    newUserConversion(db, preExposed, pre.from, pre.to),
    userOrderTotals(db, exposed, pre.from, pre.to).then((totals) => repurchase(db, [...totals.keys()], pre.from, pre.to)),
  ]);
  // A theme may have many campaigns with experiments: one at a time.
  const experiments: ExperimentResults[] = [];
  for (const c of input.campaigns) if (c.experiment && c.experiment.variants.length > 0) experiments.push(await experimentResults(db, c, window));
  const withHoldout = experiments.find((e) => e.arms.some((a) => a.key === HOLDOUT_KEY && a.metrics.exposures > 0));
  let lift: EffectReport['lift'] = { basis: 'pre_period', revenuePerUser: null, conversion: null, activity: relative(now.activeUsers, before.activeUsers), orders: relative(now.orders, before.orders) };
  if (withHoldout) {
    const holdout = withHoldout.arms.find((a) => a.key === HOLDOUT_KEY)!.summary;
    const treated = withHoldout.arms.filter((a) => a.key !== HOLDOUT_KEY);
    const exposures = treated.reduce((s, a) => s + a.metrics.exposures, 0);
    const rpu = exposures > 0 ? treated.reduce((s, a) => s + a.metrics.revenue, 0) / exposures : null;
    const cr = exposures > 0 ? treated.reduce((s, a) => s + a.metrics.conversions, 0) / exposures : null;
    lift = { ...lift, basis: 'holdout', revenuePerUser: relative(rpu, holdout.revenuePerUser), conversion: relative(cr, holdout.conversionRate) };
  }
  const newUserLift = relative(nuc.rate, nucPre.rate);
  const repurchaseLift = relative(rep.rate, repPre.rate);
  const measured: Record<EffectName, number | null> = { activity: lift.activity, orders: lift.basis === 'holdout' ? lift.conversion : lift.orders, newUserConversion: newUserLift, repurchase: repurchaseLift };

  const createdAtByOrder = new Map(rows.map((r) => [r.orderId, r.createdAt]));
  const hourly = new Map<number, { hour: number; orders: number; gmv: number }>();
  for (const [orderId, total] of gmvByOrder) {
    const hour = Math.floor(createdAtByOrder.get(orderId)! / 3600_000) * 3600_000;
    const h = hourly.get(hour) ?? { hour, orders: 0, gmv: 0 };
    h.orders += 1;
    h.gmv += total;
    hourly.set(hour, h);
  }
  return {
    subject: input.subject,
    window,
    prePeriod: pre,
    participation: buyers.length,
    orders: orderIds.size,
    gmv,
    discountCost,
    roi: discountCost > 0 ? (gmv - discountCost) / discountCost : null,
    budget: input.budget,
    budgetBurn: input.budget ? discountCost / input.budget : null,
    impressions: counts.impression ?? 0,
    clicks: counts.click ?? 0,
    newUserConversion: { ...nuc, preRate: nucPre.rate },
    repurchase: { ...rep, preRate: repPre.rate },
    lift,
    expected: (Object.keys(EXPECTED_EFFECTS) as EffectName[]).map((effect) => ({ effect, lift: measured[effect], expected: EXPECTED_EFFECTS[effect], verdict: verdict(measured[effect], EXPECTED_EFFECTS[effect]) })),
    byRegion: split(rows, (r) => r.region),
    byChannel: split(rows, (r) => r.channel),
    bySegment: split(rows, (r) => (oldUsers.has(r.userId) ? 'returning' : 'new')),
    hourly: [...hourly.values()].sort((a, b) => a.hour - b.hour),
    experiments,
  };
}
