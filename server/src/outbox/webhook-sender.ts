import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Promo-Signature';

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>` with the shared secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookTarget {
  url: string;
  secret: string;
  timeoutMs?: number;
}

/**
 * POSTs a JSON body signed with the target's secret. Throws on network errors, timeouts and
 * non-2xx answers, so the outbox retries. `dedupeKey` goes out as `Idempotency-Key` so the
 * receiver can drop a redelivery.
 */
export async function sendWebhook(target: WebhookTarget, body: string, dedupeKey: string): Promise<void> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, target.secret), 'Idempotency-Key': dedupeKey },
    body,
    signal: AbortSignal.timeout(target.timeoutMs ?? 5000),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
}
