import { createCampaignIndex, PricingCountersSchema, priceCart, type Cart, type UserContext } from '@promo/shared';
import { createCampaigns } from './bench-campaigns.js';
import { createCart, createCatalog } from './bench-catalog.js';
import { cartFacts, createJsonRulesEngine } from './json-rules.js';
import { createRandom } from './random.js';

// 2026-06-18 12:30 Asia/Shanghai: inside every campaign window and one flash slot.
const NOW_MS = Date.parse('2026-06-18T12:30:00+08:00');
const NOW_ISO = '2026-06-18T12:30:00+08:00';
const WARMUP_MS = 1_000;
const MEASURE_MS = 3_000;
const CARTS = 20;

async function measure(label: string, run: (i: number) => unknown): Promise<number> {
  const warmEnd = performance.now() + WARMUP_MS;
  let i = 0;
  while (performance.now() < warmEnd) {
    const result = run(i++);
    if (result instanceof Promise) await result;
  }
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < MEASURE_MS) {
    // Only json-rules-engine is async; awaiting our synchronous result would bill us a microtask each.
    const result = run(count++);
    if (result instanceof Promise) await result;
  }
  const perSecond = count / ((performance.now() - start) / 1_000);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(8)} carts/s  (${count} carts)`);
  return perSecond;
}

function ours(campaignCount: number, carts: ReadonlyArray<{ cart: Cart; user: UserContext }>, seed: number) {
  const random = createRandom(seed);
  const catalog = createCatalog(createRandom(1));
  const campaigns = createCampaigns(random, catalog, campaignCount);
  const built = performance.now();
  const index = createCampaignIndex(campaigns);
  const indexMs = performance.now() - built;
  const counters = PricingCountersSchema.parse({});
  const price = (i: number) => {
    const { cart, user } = carts[i % carts.length]!;
    return priceCart({ cart, user, index, counters, coupons: [], nowMs: NOW_MS });
  };
  return { campaigns, index, indexMs, price };
}

async function main(): Promise<void> {
  const catalog = createCatalog(createRandom(1));
  const cartRandom = createRandom(7);
  const carts = Array.from({ length: CARTS }, () => createCart(cartRandom, catalog));
  console.log(`engine bench: ${catalog.length} SKUs, ${CARTS} different 20-line carts, warm-up ${WARMUP_MS} ms, measure ${MEASURE_MS} ms`);

  const main1k = ours(1_000, carts, 42);
  console.log(`1,000 campaigns: index built in ${main1k.indexMs.toFixed(0)} ms (${main1k.index.rejected.length} rejected)`);
  const sample = main1k.price(0);
  console.log(`sample cart: ${sample.applied.length} applied, ${sample.notApplied.length} not applied, total ¥${(sample.totals.total / 100).toFixed(2)}`);
  const oursPerSecond = await measure('priceCart, 1,000 campaigns', main1k.price);

  const jre = createJsonRulesEngine(main1k.campaigns);
  const facts = carts.map(({ cart, user }) => cartFacts(cart, user, NOW_ISO));
  const firstRun = await jre.run(facts[0]);
  console.log(`json-rules-engine sample cart: ${firstRun.events.length} rules fired of ${main1k.campaigns.length}`);
  const theirsPerSecond = await measure('json-rules-engine, same 1,000 campaigns', (i) => jre.run(facts[i % facts.length]));

  for (const count of [100, 10_000]) {
    const other = ours(count, carts, 42);
    console.log(`${count.toLocaleString('en')} campaigns: index built in ${other.indexMs.toFixed(0)} ms`);
    await measure(`priceCart, ${count.toLocaleString('en')} campaigns`, other.price);
  }

  const ratio = oursPerSecond / theirsPerSecond;
  console.log(`engine: ${Math.round(oursPerSecond)} carts/s, ${ratio.toFixed(1)}x json-rules-engine`);
}

await main();
