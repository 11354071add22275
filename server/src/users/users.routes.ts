import { z } from 'zod';
import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import { UserParamsSchema } from '../coupons/coupon.schema.js';
import type { RegistrationService } from './registration.service.js';

const RegistrationResponseSchema = z.object({
  userId: z.string(),
  firstTime: z.boolean(),
  issued: z.array(z.object({ campaignId: z.string(), templateId: z.string(), couponIds: z.array(z.string()) })),
});

/** Registration events from the app backend (scope `events`, like every other user event). */
export function addUserRoutes(routes: RouteBuilder, registration: RegistrationService): void {
  routes.add(
    {
      method: 'post',
      path: '/users/:userId/registered',
      auth: { kind: 'apiKey', scope: 'events' },
      doc: { summary: 'A user registered: issue the live new-user coupon packs once (idempotent)', tags: ['users'], params: UserParamsSchema, response: RegistrationResponseSchema },
    },
    async (req, res) => {
      const { userId } = parseInput(UserParamsSchema, req.params, 'params');
      const result = await registration.register(userId);
      res.status(result.firstTime ? 201 : 200).json(result);
    },
  );
}
