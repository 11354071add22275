import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReserveBody } from './reserve-body.js';
import { ReserveBodySchema } from './reservation.schema.js';

const idLike = fc.oneof(fc.stringMatching(/^[\w.:@-]{1,64}$/), fc.string({ maxLength: 70 }), fc.constant(''), fc.integer());
const bodies = fc.oneof(
  fc.record({ userId: idLike, sku: idLike, quantity: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.double(), fc.string()), idempotencyKey: idLike }, { requiredKeys: [] }),
  fc.anything(),
);

describe('parseReserveBody', () => {
  it('accepts exactly what ReserveBodySchema accepts, with the same values', () => {
    fc.assert(
      fc.property(bodies, (input) => {
        const mine = parseReserveBody(input);
        const zod = ReserveBodySchema.safeParse(input);
        expect(mine.ok).toBe(zod.success);
        if (mine.ok && zod.success) expect(mine.body).toEqual(zod.data);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the first bad field', () => {
    expect(parseReserveBody({ userId: 'u1', sku: 's{1}', quantity: 1, idempotencyKey: 'k' })).toMatchObject({ ok: false, field: 'sku' });
    expect(parseReserveBody({ userId: 'u1', sku: 's1', quantity: 1.5, idempotencyKey: 'k' })).toMatchObject({ ok: false, field: 'quantity' });
  });
});
