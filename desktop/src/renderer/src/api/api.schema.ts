import { z } from 'zod';
import { CampaignSchema, ThemeSchema } from '@promo/shared';

// Response contracts of the server, parsed in one place so a changed contract fails loudly.

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const RoleSchema = z.enum(['admin', 'planner', 'approver', 'analyst', 'screen']);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  username: z.string(),
  role: RoleSchema,
  displayName: z.string().nullish().transform((v) => v ?? ''),
});
export type User = z.infer<typeof UserSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(1),
  user: UserSchema,
  expiresAt: z.union([z.string(), z.number()]),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.union([z.object({ user: UserSchema }).transform((r) => r.user), UserSchema]);

export const EntityTypeSchema = z.enum(['campaign', 'theme']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const SyncChangeSchema = z.object({
  seq: z.number().int(),
  entityType: EntityTypeSchema,
  id: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  doc: z.record(z.string(), z.unknown()).nullish(),
});
export type SyncChange = z.infer<typeof SyncChangeSchema>;

export const SyncChangesResponseSchema = z.object({
  changes: z.array(SyncChangeSchema),
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type SyncChangesResponse = z.infer<typeof SyncChangesResponseSchema>;

export const PushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), version: z.number().int() }),
  z.object({
    id: z.string(),
    status: z.literal('conflict'),
    server: z.record(z.string(), z.unknown()).nullable(),
    serverVersion: z.number().int(),
  }),
]);
export type PushResult = z.infer<typeof PushResultSchema>;
export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });

export const CatalogItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  nameEn: z.string().nullish(),
  categoryId: z.string(),
  price: z.number().int(),
  cost: z.number().int().nullish(),
  unit: z.string().nullish(),
  barcode: z.string().nullish(),
  inventory: z.number().int().nullish(),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

export const CatalogPageSchema = z.object({
  items: z.array(CatalogItemSchema),
  nextCursor: z.string().nullish(),
  cursor: z.string().nullish(),
});

export const CategorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullish(),
  name: z.string(),
  nameEn: z.string().nullish(),
});
export type Category = z.infer<typeof CategorySchema>;

type CategoryNode = Category & { children?: CategoryNode[] };
const CategoryNodeSchema: z.ZodType<CategoryNode> = CategorySchema.extend({
  children: z.array(z.lazy(() => CategoryNodeSchema)).optional(),
});

function flattenCategories(nodes: CategoryNode[], parentId: string | null): Category[] {
  return nodes.flatMap(({ children, ...node }) => [
    { ...node, parentId: node.parentId ?? parentId },
    ...flattenCategories(children ?? [], node.id),
  ]);
}

/** Categories come flat or as a tree; the studio stores them flat with parentId. */
export const CategoriesResponseSchema = z
  .union([z.array(CategoryNodeSchema), z.object({ categories: z.array(CategoryNodeSchema) }).transform((r) => r.categories)])
  .transform((nodes) => flattenCategories(nodes, null));

export const CampaignDocSchema = CampaignSchema;
export const ThemeDocSchema = ThemeSchema;

export const VersionEntrySchema = z.object({
  version: z.number().int(),
  publishedAt: z.union([z.string(), z.number()]).nullish(),
  publishedBy: z.string().nullish(),
});
export const VersionsResponseSchema = z.union([
  z.array(VersionEntrySchema),
  z.object({ versions: z.array(VersionEntrySchema) }).transform((r) => r.versions),
]);
export type VersionEntry = z.infer<typeof VersionEntrySchema>;

export const AuditEntrySchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  actor: z.string().nullish(),
  action: z.string(),
  entityType: z.string().nullish(),
  entityId: z.string().nullish(),
  diff: z.unknown().optional(),
  at: z.union([z.string(), z.number()]),
});
export const AuditResponseSchema = z.union([
  z.array(AuditEntrySchema),
  z.object({ entries: z.array(AuditEntrySchema) }).transform((r) => r.entries),
  z.object({ items: z.array(AuditEntrySchema) }).transform((r) => r.items),
]);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Lifecycle endpoints answer with the campaign (or `{campaign}`); only the status matters here. */
export const LifecycleResponseSchema = z.union([
  z.object({ campaign: z.object({ status: z.string(), version: z.number().int() }).loose() }).transform((r) => r.campaign),
  z.object({ status: z.string(), version: z.number().int() }).loose(),
]);
