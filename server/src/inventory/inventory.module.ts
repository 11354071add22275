import type { AppDeps } from '../app/deps.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { Config } from '../config/config.schema.js';
import { sharedFlashStock } from '../flash-sale/flash-stock.registry.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../outbox/outbox.worker.js';
import { sendWebhook, type WebhookTarget } from '../outbox/webhook-sender.js';
import { INVENTORY_SOLD_TOPIC } from './inventory-sold.js';
import { InventoryBatchBodySchema, InventoryLevelBodySchema, InventoryReplySchema, InventorySkuParamsSchema } from './inventory.schema.js';
import { createInventoryService } from './inventory.service.js';

export interface InventoryModuleOptions {
  /** Default: INVENTORY_WEBHOOK_URL / INVENTORY_WEBHOOK_SECRET of `deps.config`; without both, sold events wait in the outbox. */
  webhook?: WebhookTarget | null;
  outbox?: Pick<OutboxWorkerOptions, 'pollMs' | 'baseBackoffMs' | 'maxBackoffMs' | 'maxAttempts'>;
  /** Start the outbox poller (default true; tests call `tick()`). */
  poll?: boolean;
}

const workers = new WeakMap<AppDeps, OutboxWorker>();

/** The inventory webhook's outbox worker of the app built from `deps`. */
export function inventoryOutbox(deps: AppDeps): OutboxWorker | undefined {
  return workers.get(deps);
}

function webhookFromConfig(config: Pick<Config, 'INVENTORY_WEBHOOK_URL' | 'INVENTORY_WEBHOOK_SECRET'>): WebhookTarget | null {
  return config.INVENTORY_WEBHOOK_URL && config.INVENTORY_WEBHOOK_SECRET ? { url: config.INVENTORY_WEBHOOK_URL, secret: config.INVENTORY_WEBHOOK_SECRET } : null;
}

/** Inventory sync: levels in from the product system, sold quantities out by signed webhook. */
export function inventoryModule(options: InventoryModuleOptions = {}): ModuleFactory {
  return (deps, ctx) => {
    const service = createInventoryService({ db: deps.db, clock: deps.clock, stock: () => sharedFlashStock(deps.stores) });
    const webhook = options.webhook === undefined ? webhookFromConfig(deps.config) : options.webhook;
    const worker = createOutboxWorker({
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger,
      ...options.outbox,
      handlers: webhook ? { [INVENTORY_SOLD_TOPIC]: (message) => sendWebhook(webhook, message.payload, message.dedupeKey) } : {},
    });
    workers.set(deps, worker);
    const routes = createRouteBuilder(ctx.openapi);
    const tags = ['inventory'];
    routes.add(
      { method: 'put', path: '/inventory/:sku', auth: { kind: 'apiKey', scope: 'inventory' }, doc: { summary: 'Report the inventory of one SKU', tags, params: InventorySkuParamsSchema, body: InventoryLevelBodySchema, response: InventoryReplySchema } },
      async (req, res) => {
        const { sku } = parseInput(InventorySkuParamsSchema, req.params, 'path');
        const { quantity } = parseInput(InventoryLevelBodySchema, req.body);
        res.json(await service.report([{ sku, quantity }]));
      },
    );
    routes.add(
      { method: 'put', path: '/inventory', auth: { kind: 'apiKey', scope: 'inventory' }, doc: { summary: 'Report the inventory of up to 1,000 SKUs', tags, body: InventoryBatchBodySchema, response: InventoryReplySchema } },
      async (req, res) => {
        res.json(await service.report(parseInput(InventoryBatchBodySchema, req.body).items));
      },
    );
    return {
      name: 'inventory',
      router: routes.router,
      routeTable: routes.routeTable,
      async start() {
        if (options.poll !== false) worker.start();
      },
      close: () => worker.close(),
    };
  };
}
