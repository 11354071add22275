import { createCampaignIndex, PricingCountersSchema, priceCart } from '@promo/shared';
import { createCampaigns } from '/work/main/bench/engine/bench-campaigns.js';
import { createCart, createCatalog } from '/work/main/bench/engine/bench-catalog.js';
import { createRandom } from '/work/main/bench/engine/random.js';
const catalog = createCatalog(createRandom(1));
const cartRandom = createRandom(7);
const carts = Array.from({ length: 20 }, () => createCart(cartRandom, catalog));
const index = createCampaignIndex(createCampaigns(createRandom(42), catalog, 1000));
const counters = PricingCountersSchema.parse({});
const NOW_MS = Date.parse('2026-06-18T12:30:00+08:00');
const t = performance.now(); let n = 0;
while (performance.now() - t < 8000) { const { cart, user } = carts[n % 20]!; priceCart({ cart, user, index, counters, coupons: [], nowMs: NOW_MS }); n++; }
console.log(n / 8, 'carts/s');
