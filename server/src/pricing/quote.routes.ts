import { QuoteResultSchema } from '@promo/shared';
import type { RouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { PricingService } from './pricing.service.js';
import { QuoteRequestSchema } from './quote-request.schema.js';

/** `POST /quote`: prices a cart and changes nothing. */
export function addQuoteRoutes(routes: RouteBuilder, pricing: PricingService): void {
  routes.add(
    {
      method: 'post',
      path: '/quote',
      auth: { kind: 'apiKey', scope: 'quote' },
      doc: { summary: 'Price a cart (changes nothing)', tags: ['pricing'], body: QuoteRequestSchema, response: QuoteResultSchema },
    },
    async (req, res) => {
      const request = parseInput(QuoteRequestSchema, req.body);
      res.json((await pricing.price(request)).result);
    },
  );
}
