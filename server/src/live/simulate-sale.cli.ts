// `pnpm simulate:sale --url http://127.0.0.1:8080 --key <store API key> [--seconds 60] [--rate 5]`
// Simulated sale traffic against a running server (defaults fit the demo data). Watch it on
// /warroom/demo-festival?token=<screen token>. Prints a line a second and a JSON summary.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { simulateSale } from './sale-simulator.js';

/** Demo catalog SKUs across categories, and the demo flash sale (open 10:00–12:00 and 20:00–22:00 Shanghai time). */
const DEMO_SKUS = ['FRUIT-01', 'FRUIT-02', 'FRUIT-03', 'VEGETABLES-01', 'VEGETABLES-02', 'MILK-01', 'YOGURT-01', 'EGGS-01', 'PORK-01', 'POULTRY-01', 'BREAD-01', 'SEAFOOD-02'];
const DEMO_FLASH = 'demo-flash:FRUIT-05,SEAFOOD-01';
const DEMO_EVENT_CAMPAIGNS = 'demo-threshold-tiers,demo-flash,demo-dairy-85';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

const ArgsSchema = z.object({
  url: z.string().url().default(process.env.PROMO_URL ?? 'http://127.0.0.1:8080'),
  key: z.string({ error: 'a store API key is needed: --key or PROMO_API_KEY (printed at the demo server start)' }).min(1),
  seconds: z.coerce.number().positive().max(86_400).default(60),
  rate: z.coerce.number().positive().max(1000).default(5),
  events: z.coerce.number().nonnegative().max(5000).optional(),
  skus: z.string().default(DEMO_SKUS.join(',')),
  // `campaign:SKU,SKU;campaign:SKU` — or an empty string for no flash reservations.
  flash: z.string().default(DEMO_FLASH),
  campaigns: z.string().default(DEMO_EVENT_CAMPAIGNS),
  users: z.coerce.number().int().positive().max(10_000_000).default(300),
  seed: z.coerce.number().int().optional(),
});

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    seconds: { type: 'string' },
    rate: { type: 'string' },
    events: { type: 'string' },
    skus: { type: 'string' },
    flash: { type: 'string' },
    campaigns: { type: 'string' },
    users: { type: 'string' },
    seed: { type: 'string' },
  },
  allowPositionals: false,
});
const parsed = ArgsSchema.safeParse({ ...values, key: values.key ?? process.env.PROMO_API_KEY });
if (!parsed.success) {
  process.stderr.write(`simulate:sale: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(2);
}
const args = parsed.data;
const flashSales = args.flash
  .split(';')
  .map((part) => part.trim())
  .filter(Boolean)
  .map((part) => {
    const [campaignId, skus = ''] = part.split(':');
    return { campaignId: campaignId!, skus: list(skus) };
  });

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.stdout.write(`simulating sale traffic on ${args.url}: ${args.rate} orders/s for ${args.seconds} s (Ctrl-C stops)\n`);
const result = await simulateSale({
  baseUrl: args.url,
  apiKey: args.key,
  seconds: args.seconds,
  ordersPerSecond: args.rate,
  ...(args.events === undefined ? {} : { eventsPerSecond: args.events }),
  skus: list(args.skus),
  flashSales,
  eventCampaignIds: list(args.campaigns),
  users: args.users,
  ...(args.seed === undefined ? {} : { seed: args.seed }),
  signal: controller.signal,
  onProgress: (p) => process.stdout.write(`${(p.elapsedMs / 1000).toFixed(0)} s: ${p.committed} committed, ${p.refused} refused, ${p.reservations} flash reserved (${p.soldOut} sold out, ${p.notOpen} not open), ${p.events} events, ${p.errors} errors, GMV ¥${(p.gmv / 100).toFixed(2)}\n`),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exitCode = result.committed > 0 ? 0 : 1;
