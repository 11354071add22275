import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCampaignIndex, PricingCountersSchema, priceCart, type Cart, type UserContext } from '@promo/shared';
import { createCampaigns } from './bench-campaigns.js';
import { createCart, createCatalog } from './bench-catalog.js';
import { createRandom } from './random.js';

// 2026-06-18 12:30 Asia/Shanghai: inside every campaign window and one flash slot.
const NOW_MS = Date.parse('2026-06-18T12:30:00+08:00');
const NOW_ISO = '2026-06-18T12:30:00+08:00';
const WARMUP_MS = 2_000;
const MEASURE_MS = 3_000;
const CARTS = 20;

type Runner = (i: number) => unknown;

interface Measured {
  count: number;
  ms: number;
  cpuMs: number;
}

function runFor(run: Runner, ms: number): Measured {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) run(count++);
  const used = process.cpuUsage(cpu);
  return { count, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1_000 };
}

function report(label: string, m: Measured): number {
  const perSecond = m.count / (m.ms / 1_000);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(8)} carts/s  (${m.count} carts in ${(m.ms / 1_000).toFixed(1)} s)`);
  return perSecond;
}

/** Warm-up, then `MEASURE_MS` of runs. */
function measure(label: string, run: Runner): Measured {
  runFor(run, WARMUP_MS);
  const m = runFor(run, MEASURE_MS);
  report(label, m);
  return m;
}

/** json-rules-engine on the same campaigns and carts, in a child process (see json-rules.runner.ts). */
function measureJsonRules(campaignCount: number): Measured & { fired: number } {
  const runner = fileURLToPath(new URL('./json-rules.runner.ts', import.meta.url));
  const args = [String(campaignCount), String(CARTS), String(WARMUP_MS), String(MEASURE_MS), NOW_ISO];
  const child = spawnSync(process.execPath, ['--import', 'tsx', runner, ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`json-rules runner failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured & { fired: number };
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
  // A-B-A: ours, then json-rules-engine in its own process, then ours again; our figure is the
  // mean of both runs, so load drifting on the shared machine does not favour either side.
  const before = measure('priceCart, 1,000 campaigns (run 1)', main1k.price);
  const theirs = measureJsonRules(1_000);
  console.log(`json-rules-engine sample cart: ${theirs.fired} rules fired of ${main1k.campaigns.length}`);
  const theirsPerSecond = report('json-rules-engine, same 1,000 campaigns', theirs);
  const after = measure('priceCart, 1,000 campaigns (run 2)', main1k.price);
  const oursPerSecond = (before.count + after.count) / ((before.ms + after.ms) / 1_000);
  const oursCpu = (before.count + after.count) / ((before.cpuMs + after.cpuMs) / 1_000);
  const theirsCpu = theirs.count / (theirs.cpuMs / 1_000);
  console.log(`per CPU-second: ${oursCpu.toFixed(0)} vs ${theirsCpu.toFixed(0)} carts → ${(oursCpu / theirsCpu).toFixed(1)}x`);

  for (const count of [100, 10_000]) {
    const other = ours(count, carts, 42);
    console.log(`${count.toLocaleString('en')} campaigns: index built in ${other.indexMs.toFixed(0)} ms`);
    measure(`priceCart, ${count.toLocaleString('en')} campaigns`, other.price);
  }

  const ratio = oursPerSecond / theirsPerSecond;
  console.log(`engine: ${Math.round(oursPerSecond)} carts/s, ${ratio.toFixed(1)}x json-rules-engine`);
}

await main();
