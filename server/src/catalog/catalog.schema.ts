import { FenSchema } from '@promo/shared';
import { z } from 'zod';

const Id = z.string().trim().min(1).max(64);
const Sku = z.string().trim().min(1).max(64).regex(/^[\w.-]+$/, 'letters, digits, _ . - only');

/** A node of the category tree; `parentId` null for a root. */
export const CategorySchema = z.object({
  id: Id,
  parentId: Id.nullable().default(null),
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().max(120).optional(),
  sort: z.number().int().min(0).max(1_000_000).default(0),
});
export type Category = z.infer<typeof CategorySchema>;

/** A sellable item. Prices and costs are integer fen. */
export const CatalogItemSchema = z.object({
  sku: Sku,
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).optional(),
  categoryId: Id,
  price: FenSchema,
  cost: FenSchema.nullable().default(null),
  unit: z.string().trim().min(1).max(32).default('件'),
  barcode: z.string().trim().max(64).regex(/^[0-9A-Za-z-]*$/).optional(),
  inventory: z.number().int().min(0).max(1_000_000_000).default(0),
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;
export type CatalogItemInput = z.input<typeof CatalogItemSchema>;

/** The body of `PUT /catalog/items/{sku}` (the sku comes from the path). */
export const CatalogItemBodySchema = CatalogItemSchema.omit({ sku: true });

/** A stored item as the API returns it. */
export const CatalogItemViewSchema = CatalogItemSchema.extend({ updatedAt: z.number().int() });
export type CatalogItemView = z.infer<typeof CatalogItemViewSchema>;

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const csvInt = (schema: z.ZodNumber) => z.preprocess(blankToUndefined, z.coerce.number().pipe(schema));

/** One CSV record (all strings): numbers coerced, blank cells treated as absent. */
export const CsvItemRowSchema = z.object({
  sku: z.preprocess(blankToUndefined, Sku),
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200)),
  name_en: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  category_id: z.preprocess(blankToUndefined, Id),
  price: csvInt(FenSchema),
  cost: z.preprocess(blankToUndefined, z.coerce.number().pipe(FenSchema).optional()),
  unit: z.preprocess(blankToUndefined, z.string().trim().min(1).max(32).optional()),
  barcode: z.preprocess(blankToUndefined, z.string().trim().max(64).regex(/^[0-9A-Za-z-]*$/).optional()),
  inventory: z.preprocess(blankToUndefined, z.coerce.number().pipe(z.number().int().min(0).max(1_000_000_000)).optional()),
});

/** One CSV record of the categories file: `id,parent_id,name,name_en,sort`. */
export const CsvCategoryRowSchema = z.object({
  id: z.preprocess(blankToUndefined, Id),
  parent_id: z.preprocess(blankToUndefined, Id.optional()),
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(120)),
  name_en: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
  sort: z.preprocess(blankToUndefined, z.coerce.number().pipe(z.number().int().min(0).max(1_000_000)).optional()),
});

/** Category CSV columns. */
export const CSV_CATEGORY_COLUMNS = ['id', 'parent_id', 'name', 'name_en', 'sort'] as const;

/** CSV columns, in the order the export writes them. */
export const CSV_COLUMNS = ['sku', 'name', 'name_en', 'category_id', 'price', 'cost', 'unit', 'barcode', 'inventory'] as const;

/** Import limits: the whole import is one transaction, so it is bounded. */
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** `POST /catalog/import` as JSON: items (and optionally categories) as objects, or CSV text. */
export const ImportBodySchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('json'),
    categories: z.array(z.unknown()).max(10_000).default([]),
    items: z.array(z.unknown()).max(IMPORT_MAX_ROWS),
  }),
  z.object({
    format: z.literal('csv'),
    /** Items CSV (header row first); may be empty when only categories are imported. */
    csv: z.string().max(IMPORT_MAX_BYTES).default(''),
    /** Categories CSV (`id,parent_id,name,name_en,sort`), imported in the same transaction. */
    categoriesCsv: z.string().max(IMPORT_MAX_BYTES).optional(),
  }),
]);
export type ImportBody = z.infer<typeof ImportBodySchema>;

/**
 * A problem with one imported record: `row` is 1-based among the data records (CSV header
 * excluded); problems with categories have a field starting `categories.`.
 */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export const ImportResultSchema = z.object({ imported: z.number().int(), categories: z.number().int() });

export const SearchQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  categoryId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(64).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchResultSchema = z.object({ items: z.array(CatalogItemViewSchema), cursor: z.string().nullable() });

export interface CategoryTreeNode extends Category {
  children: CategoryTreeNode[];
}
