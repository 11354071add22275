import { z } from 'zod';
import { CampaignSchema } from '@promo/shared';

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

export const MeResponseSchema = z.object({ user: UserSchema }).transform((r) => r.user);

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

/** A page of catalog search; `cursor` continues after the last item (an empty page ends it). */
export const CatalogPageSchema = z.object({
  items: z.array(CatalogItemSchema),
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

/** The category tree, stored flat (with parentId) by the studio. */
export const CategoriesResponseSchema = z.object({ categories: z.array(CategoryNodeSchema) }).transform((r) => flattenCategories(r.categories, null));


export const VersionEntrySchema = z.object({
  version: z.number().int(),
  /** Epoch milliseconds. */
  publishedAt: z.number().int(),
  publishedBy: z.string(),
});
export const VersionsResponseSchema = z.object({ versions: z.array(VersionEntrySchema) }).transform((r) => r.versions);
export type VersionEntry = z.infer<typeof VersionEntrySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  diff: z.array(z.object({ path: z.string(), op: z.enum(['add', 'remove', 'change']), from: z.unknown().optional(), to: z.unknown().optional() })),
  /** Epoch milliseconds. */
  at: z.number().int(),
});
export const AuditResponseSchema = z.object({ entries: z.array(AuditEntrySchema), cursor: z.number().int().nullable() }).transform((r) => r.entries);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Lifecycle endpoints answer with the campaign document; the studio reads its new status. */
export const LifecycleResponseSchema = CampaignSchema.extend({ publishedVersion: z.number().int().nullable().optional() });
