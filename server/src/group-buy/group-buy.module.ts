import type { Response } from 'express';
import type { AppDeps } from '../app/deps.js';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { FlashReply } from '../flash-sale/flash-outcome.js';
import type { CampaignSource } from '../flash-sale/sale-catalog.js';
import { GroupParamsSchema, GroupViewSchema, JoinGroupBodySchema, OpenGroupBodySchema, OpenGroupParamsSchema } from './group-buy.schema.js';
import { createGroupBuyService, type GroupBuyService } from './group-buy.service.js';

export interface GroupBuyModuleOptions {
  /** Campaigns to sell from (tests); default: the app's shared `ctx.liveCampaigns()`. Started and closed by this module. */
  campaigns?: CampaignSource & { start?(): Promise<void>; close?(): Promise<void> };
  /** Expiry sweep period (default 5 s; 0 = only by `expire()`). */
  expireMs?: number;
}

const services = new WeakMap<AppDeps, GroupBuyService>();

export function groupBuyService(deps: AppDeps): GroupBuyService | undefined {
  return services.get(deps);
}

function reply(res: Response, out: FlashReply): void {
  res.status(out.status).json(out.body);
}

/** Group buys (拼团): open, join (by id or share code), read; expiry sweeps. */
export function groupBuyModule(options: GroupBuyModuleOptions = {}): ModuleFactory {
  return (deps, ctx) => {
    const logger = deps.logger.child({ module: 'group-buy' });
    const campaigns = options.campaigns ?? ctx.liveCampaigns();
    const service = createGroupBuyService({ db: deps.db, clock: deps.clock, logger, campaigns });
    services.set(deps, service);
    const routes = createRouteBuilder(ctx.openapi);
    const tags = ['group-buy'];
    const auth = { kind: 'apiKey', scope: 'orders' } as const;
    routes.add(
      { method: 'post', path: '/group-buys/:campaignId/groups', auth, doc: { summary: 'Open a group as its leader', tags, params: OpenGroupParamsSchema, body: OpenGroupBodySchema, response: GroupViewSchema, status: 201 } },
      async (req, res) => {
        const { campaignId } = parseInput(OpenGroupParamsSchema, req.params, 'path');
        const body = parseInput(OpenGroupBodySchema, req.body);
        reply(res, await service.open(campaignId, body.userId, body.sku));
      },
    );
    routes.add(
      { method: 'post', path: '/groups/:groupId/join', auth, doc: { summary: 'Join a group by id or share code (409 group_full, expired, group_failed)', tags, params: GroupParamsSchema, body: JoinGroupBodySchema, response: GroupViewSchema } },
      async (req, res) => {
        const { groupId } = parseInput(GroupParamsSchema, req.params, 'path');
        reply(res, await service.join(groupId, parseInput(JoinGroupBodySchema, req.body).userId));
      },
    );
    routes.add(
      { method: 'get', path: '/groups/:groupId', auth, doc: { summary: 'A group and its members, by id or share code', tags, params: GroupParamsSchema, response: GroupViewSchema } },
      async (req, res) => {
        reply(res, await service.get(parseInput(GroupParamsSchema, req.params, 'path').groupId));
      },
    );
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<unknown> | null = null;
    return {
      name: 'group-buy',
      router: routes.router,
      routeTable: routes.routeTable,
      async start() {
        await options.campaigns?.start?.();
        const every = options.expireMs ?? 5000;
        if (every > 0) {
          timer = setInterval(() => {
            running ??= service
              .expire()
              .catch((err: unknown) => logger.error({ err }, 'group expiry failed'))
              .finally(() => {
                running = null;
              });
          }, every);
          timer.unref();
        }
      },
      async close() {
        if (timer) clearInterval(timer);
        await running;
        await options.campaigns?.close?.();
      },
    };
  };
}
