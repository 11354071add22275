import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ApiKeyInfo, CreateApiKeyInput, CreatedApiKey } from './auth.schema.js';
import { ScopeSchema } from './roles.js';
import { newApiKey, sha256Hex } from './secret-token.js';

const ApiKeyRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.string().transform((s) => z.array(ScopeSchema).parse(JSON.parse(s))),
  created_at: z.coerce.number(),
  revoked_at: z.coerce.number().nullable(),
});

function toInfo(row: z.infer<typeof ApiKeyRowSchema>): ApiKeyInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.created_at, revokedAt: row.revoked_at };
}

const COLUMNS = ['id', 'name', 'prefix', 'scopes', 'created_at', 'revoked_at'];

/** Creates a store API key; the plain key is in the result and nowhere else (only its SHA-256 is stored). */
export async function createApiKey(db: Knex, input: CreateApiKeyInput, now: number = Date.now()): Promise<CreatedApiKey> {
  const { key, prefix } = newApiKey();
  const id = randomUUID();
  const scopes = [...new Set(input.scopes)];
  await db('api_keys').insert({ id, name: input.name, prefix, key_hash: sha256Hex(key), scopes: JSON.stringify(scopes), created_at: now, revoked_at: null });
  return { id, name: input.name, prefix, scopes, createdAt: now, revokedAt: null, key };
}

export async function listApiKeys(db: Knex): Promise<ApiKeyInfo[]> {
  const rows: unknown[] = await db('api_keys').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id');
  return rows.map((row) => toInfo(ApiKeyRowSchema.parse(row)));
}

/** The active (not revoked) key with this plain value, if any. */
export async function findActiveApiKey(db: Knex, key: string): Promise<ApiKeyInfo | undefined> {
  const row: unknown = await db('api_keys').select(COLUMNS).where({ key_hash: sha256Hex(key) }).whereNull('revoked_at').first();
  return row === undefined ? undefined : toInfo(ApiKeyRowSchema.parse(row));
}

/** Marks the key revoked; false when there is no such active key. */
export async function revokeApiKey(db: Knex, id: string, now: number): Promise<boolean> {
  const count = await db('api_keys').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
  return count > 0;
}
