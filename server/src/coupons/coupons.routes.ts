import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentUser } from '../auth/auth.middleware.js';
import {
  CouponTemplateSchema,
  CreateCouponTemplateSchema,
  IssueCouponsSchema,
  IssueResultSchema,
  TemplateParamsSchema,
  UserParamsSchema,
  WalletQuerySchema,
  WalletResponseSchema,
} from './coupon.schema.js';
import type { CouponService } from './coupon.service.js';

/** Coupon templates and issuing (studio, planner+), wallets (store, scope `quote`). */
export function addCouponRoutes(routes: RouteBuilder, coupons: CouponService): void {
  const tags = ['coupons'];
  routes.add(
    {
      method: 'post',
      path: '/coupon-templates',
      auth: { kind: 'user', roles: ['planner'] },
      doc: { summary: 'Create a coupon template', tags, body: CreateCouponTemplateSchema, response: CouponTemplateSchema, status: 201 },
    },
    async (req, res) => {
      const input = parseInput(CreateCouponTemplateSchema, req.body);
      res.status(201).json(await coupons.createTemplate(input, currentUser(res).username));
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/coupon-templates/:id',
      auth: { kind: 'user', roles: ['planner', 'approver', 'analyst'] },
      doc: { summary: 'A coupon template with its issued count', tags, params: TemplateParamsSchema, response: CouponTemplateSchema },
    },
    async (req, res) => {
      const { id } = parseInput(TemplateParamsSchema, req.params, 'params');
      res.json(await coupons.getTemplate(id));
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/coupon-templates/:id/issue',
      auth: { kind: 'user', roles: ['planner'] },
      doc: { summary: 'Issue coupons to users (all or nothing against the total quantity)', tags, params: TemplateParamsSchema, body: IssueCouponsSchema, response: IssueResultSchema },
    },
    async (req, res) => {
      const { id } = parseInput(TemplateParamsSchema, req.params, 'params');
      const { userIds } = parseInput(IssueCouponsSchema, req.body);
      res.json(await coupons.issue(id, userIds));
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/users/:userId/coupons',
      auth: { kind: 'apiKey', scope: 'quote' },
      doc: { summary: "A user's coupon wallet", tags, params: UserParamsSchema, query: WalletQuerySchema, response: WalletResponseSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(UserParamsSchema, req.params, 'params');
      const { status } = parseInput(WalletQuerySchema, req.query, 'query');
      const wallet = await coupons.wallet(userId);
      res.json({ coupons: status ? wallet.filter((c) => c.status === status) : wallet });
    },
  );
}
