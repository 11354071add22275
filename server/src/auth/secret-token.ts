import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the bearer token handed to a studio user. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Store API keys look like `psk_<8-char prefix>_<secret>`; the prefix identifies a key in lists and logs. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('base64url').slice(0, 8);
  return { key: `psk_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/**
 * Tokens and keys are high-entropy random strings, so a plain SHA-256 is enough at rest (no salt or
 * slow hash needed) and allows lookup by hash.
 */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
