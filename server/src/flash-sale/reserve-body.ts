import { FLASH_ID_PATTERN, type ReserveBody } from './reservation.schema.js';

export type ReserveBodyParse = { ok: true; body: ReserveBody } | { ok: false; field: string; message: string };

function id(value: unknown): boolean {
  return typeof value === 'string' && FLASH_ID_PATTERN.test(value);
}

/**
 * The hot path's hand-written twin of `ReserveBodySchema` (same rules; a property test keeps them
 * equal). It skips zod's allocation of a parsed copy and issue objects per request.
 */
export function parseReserveBody(value: unknown): ReserveBodyParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: 'body', message: 'expected an object' };
  const v = value as Record<string, unknown>;
  if (!id(v.userId)) return { ok: false, field: 'userId', message: 'letters, digits and _ . : @ - (1-64)' };
  if (!id(v.sku)) return { ok: false, field: 'sku', message: 'letters, digits and _ . : @ - (1-64)' };
  const q = v.quantity;
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > 100) return { ok: false, field: 'quantity', message: 'an integer from 1 to 100' };
  if (!id(v.idempotencyKey)) return { ok: false, field: 'idempotencyKey', message: 'letters, digits and _ . : @ - (1-64)' };
  return { ok: true, body: { userId: v.userId as string, sku: v.sku as string, quantity: q, idempotencyKey: v.idempotencyKey as string } };
}
