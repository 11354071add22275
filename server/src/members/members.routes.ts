import { z } from 'zod';
import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { currentApiKey, currentUser } from '../auth/auth.middleware.js';
import { AdjustPointsSchema, LedgerEntrySchema, MemberAccountSchema, MemberParamsSchema, MemberSchema, SetLevelSchema } from './member.schema.js';
import type { MemberService } from './member.service.js';

const AdjustResultSchema = z.object({ member: MemberSchema, entry: LedgerEntrySchema, applied: z.boolean() });

/**
 * Members: store systems read balances (scope `quote`) and push levels from their membership
 * system (scope `events`, like other user facts); the studio (planner+) sets levels and adjusts points.
 */
export function addMemberRoutes(routes: RouteBuilder, members: MemberService): void {
  const tags = ['members'];
  routes.add(
    {
      method: 'get',
      path: '/users/:userId/points',
      auth: { kind: 'apiKey', scope: 'quote' },
      doc: { summary: "A member's level, points balance and latest points ledger rows", tags, params: MemberParamsSchema, response: MemberAccountSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(MemberParamsSchema, req.params, 'params');
      res.json(await members.account(userId));
    },
  );
  routes.add(
    {
      method: 'put',
      path: '/members/:userId',
      auth: { kind: 'apiKey', scope: 'events' },
      doc: { summary: "Set a member's level from the store's membership system (the quote uses the server's level, never the request's)", tags, params: MemberParamsSchema, body: SetLevelSchema, response: MemberSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(MemberParamsSchema, req.params, 'params');
      const { level } = parseInput(SetLevelSchema, req.body);
      res.json(await members.setLevel(userId, level, `api-key:${currentApiKey(res).prefix}`));
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/members/:userId',
      auth: { kind: 'user', roles: ['planner', 'approver', 'analyst'] },
      doc: { summary: "A member's level, balance and latest ledger rows (studio)", tags, params: MemberParamsSchema, response: MemberAccountSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(MemberParamsSchema, req.params, 'params');
      res.json(await members.account(userId));
    },
  );
  routes.add(
    {
      method: 'put',
      path: '/members/:userId/level',
      auth: { kind: 'user', roles: ['planner'] },
      doc: { summary: "Set a member's level (studio, audited)", tags, params: MemberParamsSchema, body: SetLevelSchema, response: MemberSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(MemberParamsSchema, req.params, 'params');
      const { level } = parseInput(SetLevelSchema, req.body);
      res.json(await members.setLevel(userId, level, currentUser(res).username));
    },
  );
  routes.add(
    {
      method: 'post',
      path: '/members/:userId/points-adjustments',
      auth: { kind: 'user', roles: ['planner'] },
      doc: {
        summary: "Adjust a member's points (studio, audited; idempotent by adjustmentId; never below 0 → 409)",
        tags,
        params: MemberParamsSchema,
        body: AdjustPointsSchema,
        response: AdjustResultSchema,
        status: 201,
      },
    },
    async (req, res) => {
      const { userId } = parseInput(MemberParamsSchema, req.params, 'params');
      const input = parseInput(AdjustPointsSchema, req.body);
      const result = await members.adjust(userId, input, currentUser(res).username);
      res.status(result.applied ? 201 : 200).json(result);
    },
  );
}
