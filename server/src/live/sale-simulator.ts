// Simulated sale traffic against a running server, as store systems would send it: flash-stock
// reservations, order commits (and reservation confirms) and store events, at a steady rate.
// Uses only `fetch`, so the CLI, the e2e journey and the benchmark can all drive it.

/** A flash-sale campaign to reserve from, and its SKUs. */
export interface SimulatedFlashSale {
  campaignId: string;
  skus: readonly string[];
}

export interface SaleSimulatorOptions {
  /** The server, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** A store API key with the scopes `orders`, `flash` and `events`. */
  apiKey: string;
  /** How long to run. */
  seconds: number;
  /** Order commits started per second (default 5). */
  ordersPerSecond?: number;
  /** Store events per second (default 4 per order). */
  eventsPerSecond?: number;
  /** Catalog SKUs for ordinary cart lines. */
  skus: readonly string[];
  /** Flash sales to reserve from; a share of the orders carries a reserved flash line. */
  flashSales?: readonly SimulatedFlashSale[];
  /** Share of orders that try a flash reservation first (default 0.4). */
  flashShare?: number;
  /** Campaigns the events are about (impressions, clicks, add to cart). */
  eventCampaignIds?: readonly string[];
  /** Shoppers are `<userPrefix><n>` for n below `users` (defaults `demo-shopper-`, 300). */
  userPrefix?: string;
  users?: number;
  /** PRNG seed, for a repeatable mix (default: the clock). */
  seed?: number;
  /** Requests in flight at most; a slower server lowers the rate instead of piling up (default 32). */
  maxInFlight?: number;
  /** Stops early. */
  signal?: AbortSignal;
  /** Called about once a second with the running totals. */
  onProgress?: (progress: SaleSimulationResult) => void;
}

export interface SaleSimulationResult {
  /** Orders committed (200 with status committed). */
  committed: number;
  /** Commits the server refused (409: a limit or budget, a price change). */
  refused: number;
  /** Requests that failed otherwise (network, 4xx/5xx). */
  errors: number;
  /** What the committed orders paid, in fen. */
  gmv: number;
  /** Flash reservations granted / sold out / outside a slot or rate-limited. */
  reservations: number;
  soldOut: number;
  notOpen: number;
  /** Reservations confirmed against their order. */
  confirmed: number;
  /** Events accepted by `POST /events`. */
  events: number;
  /** Commits whose answer took longer than a second (a struggling server). */
  slowCommits: number;
  elapsedMs: number;
}

export const CHANNELS = ['app', 'mini_program', 'web', 'pos'] as const;
/** Province codes of the bigger markets (Shanghai, Guangdong, Beijing, Zhejiang, Jiangsu, Sichuan). */
export const PROVINCES = ['31', '44', '11', '33', '32', '51'] as const;

/** mulberry32: small, fast and good enough to mix traffic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emptyResult(): SaleSimulationResult {
  return { committed: 0, refused: 0, errors: 0, gmv: 0, reservations: 0, soldOut: 0, notOpen: 0, confirmed: 0, events: 0, slowCommits: 0, elapsedMs: 0 };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Line {
  sku: string;
  quantity: number;
  reservationToken?: string;
}

/**
 * Runs simulated sale traffic for `seconds` and resolves with what happened. Each order picks a
 * random shopper, channel and province; some first reserve one unit of a flash SKU and carry it
 * in the cart (confirmed after the commit). Events go out in one batch a second.
 */
export async function simulateSale(options: SaleSimulatorOptions): Promise<SaleSimulationResult> {
  const base = options.baseUrl.replace(/\/$/, '');
  const rate = options.ordersPerSecond ?? 5;
  const eventRate = options.eventsPerSecond ?? rate * 4;
  const flashSales = (options.flashSales ?? []).filter((f) => f.skus.length > 0);
  const flashShare = options.flashShare ?? 0.4;
  const users = options.users ?? 300;
  const prefix = options.userPrefix ?? 'demo-shopper-';
  const maxInFlight = options.maxInFlight ?? 32;
  const random = prng(options.seed ?? Date.now());
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const run = `sim${Date.now().toString(36)}${Math.floor(random() * 1e6).toString(36)}`;
  const result = emptyResult();
  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  let sequence = 0;

  async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  async function reserveFlash(userId: string, n: number): Promise<{ line: Line; campaignId: string } | null> {
    const sale = pick(flashSales);
    const sku = pick(sale.skus);
    const res = await post(`/flash-sales/${encodeURIComponent(sale.campaignId)}/reservations`, { userId, sku, quantity: 1, idempotencyKey: `${run}-r${n}` });
    const token = (res.body as { token?: unknown } | null)?.token;
    if (res.status === 201 && typeof token === 'string') {
      result.reservations += 1;
      return { line: { sku, quantity: 1, reservationToken: token }, campaignId: sale.campaignId };
    }
    if (res.status === 409) result.soldOut += 1;
    else if (res.status === 425 || res.status === 429) result.notOpen += 1;
    else result.errors += 1;
    return null;
  }

  async function order(n: number): Promise<void> {
    const userId = `${prefix}${Math.floor(random() * users)}`;
    const channel = pick(CHANNELS);
    const province = pick(PROVINCES);
    const orderId = `${run}-o${n}`;
    const flash = flashSales.length > 0 && random() < flashShare ? await reserveFlash(userId, n) : null;
    const lines: Line[] = flash ? [flash.line] : [];
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) {
      const sku = pick(options.skus);
      if (!lines.some((l) => l.sku === sku)) lines.push({ sku, quantity: 1 + Math.floor(random() * 4) });
    }
    const begun = Date.now();
    const res = await post('/orders', { orderId, userId, channel, region: { province }, cart: { lines } });
    if (Date.now() - begun > 1000) result.slowCommits += 1;
    const body = res.body as { status?: string; result?: { totals?: { total?: number } } } | null;
    if (res.status === 200 && body?.status === 'committed') {
      result.committed += 1;
      result.gmv += body.result?.totals?.total ?? 0;
      if (flash) {
        const confirm = await post(`/flash-sales/${encodeURIComponent(flash.campaignId)}/reservations/${encodeURIComponent(flash.line.reservationToken!)}/confirm`, { orderId });
        if (confirm.status === 200) result.confirmed += 1;
        else result.errors += 1;
      }
    } else if (res.status === 409) {
      result.refused += 1;
    } else {
      result.errors += 1;
    }
  }

  async function events(count: number, second: number): Promise<void> {
    const campaigns = options.eventCampaignIds ?? [];
    if (campaigns.length === 0 || count === 0) return;
    const types = ['impression', 'impression', 'impression', 'click', 'add_to_cart'] as const;
    const batch = Array.from({ length: count }, (_, i) => ({
      eventId: `${run}-e${second}-${i}`,
      type: pick(types),
      userId: `${prefix}${Math.floor(random() * users)}`,
      campaignId: pick(campaigns),
      sku: pick(options.skus),
      channel: pick(CHANNELS),
      region: pick(PROVINCES),
      at: Date.now(),
    }));
    const res = await post('/events', { events: batch });
    if (res.status === 202) result.events += (res.body as { accepted?: number } | null)?.accepted ?? 0;
    else result.errors += 1;
  }

  function launch(work: Promise<void>): void {
    const tracked = work.catch(() => {
      result.errors += 1;
    });
    const done = tracked.finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  const total = Math.round(options.seconds * rate);
  let lastSecond = -1;
  for (let k = 0; k < total && !options.signal?.aborted; k += 1) {
    await delay(started + (k * 1000) / rate - Date.now(), options.signal);
    const second = Math.floor((Date.now() - started) / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      launch(events(Math.round(eventRate), second));
      result.elapsedMs = Date.now() - started;
      options.onProgress?.({ ...result });
    }
    // Back-pressure: a saturated server gets fewer new orders, not an ever-growing queue.
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    sequence += 1;
    launch(order(sequence));
  }
  await Promise.all(inFlight);
  result.elapsedMs = Date.now() - started;
  return result;
}
