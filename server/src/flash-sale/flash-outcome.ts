/**
 * What a flash-sale request answers, already in HTTP terms: shared by the fast path and the
 * Express routes so both send the same status and body. Business refusals are results, not errors.
 */
export interface FlashReply {
  status: number;
  body: unknown;
  retryAfterSec?: number;
}

export function refusal(status: number, code: string, message: string, details?: unknown): FlashReply {
  return { status, body: { error: details === undefined ? { code, message } : { code, message, details } } };
}

export const REPLIES = {
  soldOut: refusal(409, 'sold_out', 'sold out'),
  ended: refusal(409, 'ended', 'the flash sale has ended'),
  notFound: refusal(404, 'not_found', 'no such flash-sale item'),
  unavailable: { ...refusal(503, 'unavailable', 'the sale is being restored, retry shortly'), retryAfterSec: 1 },
} as const;
