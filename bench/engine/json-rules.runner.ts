import { createCampaigns } from './bench-campaigns.js';
import { createCart, createCatalog } from './bench-catalog.js';
import { cartFacts, createJsonRulesEngine } from './json-rules.js';
import { createRandom } from './random.js';

/**
 * json-rules-engine measured in its own process (run by engine.bench.ts), so neither engine's heap,
 * garbage or JIT state slows the other. Same seeds → the same catalog, carts and campaigns.
 * Prints one JSON line: carts, wall ms, cpu ms, rules fired on the first cart.
 */
const [campaignCount, cartCount, warmupMs, measureMs, nowIso] = process.argv.slice(2);
const catalog = createCatalog(createRandom(1));
const cartRandom = createRandom(7);
const carts = Array.from({ length: Number(cartCount) }, () => createCart(cartRandom, catalog));
const campaigns = createCampaigns(createRandom(42), catalog, Number(campaignCount));
const engine = createJsonRulesEngine(campaigns);
const facts = carts.map(({ cart, user }) => cartFacts(cart, user, nowIso!));
const fired = (await engine.run(facts[0])).events.length;

async function runFor(ms: number): Promise<{ count: number; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) await engine.run(facts[count++ % facts.length]);
  const used = process.cpuUsage(cpu);
  return { count, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1_000 };
}

await runFor(Number(warmupMs));
console.log(JSON.stringify({ ...(await runFor(Number(measureMs))), fired }));
