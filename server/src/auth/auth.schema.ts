import { z } from 'zod';
import { RoleSchema, ScopeSchema } from './roles.js';

export const LoginBodySchema = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  locale: z.string(),
});
export type AuthUser = z.infer<typeof UserSchema>;

export const LoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int(),
  user: UserSchema,
});

export const CreateApiKeyBodySchema = z.object({
  name: z.string().min(1).max(255),
  scopes: z.array(ScopeSchema).min(1).max(5),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyBodySchema>;

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ScopeSchema),
  createdAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
});
export type ApiKeyInfo = z.infer<typeof ApiKeySchema>;

/** Returned once at creation: the only time the plain key is visible. */
export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

export const ApiKeyListSchema = z.object({ apiKeys: z.array(ApiKeySchema) });

export const IdParamsSchema = z.object({ id: z.string().min(1).max(64) });
