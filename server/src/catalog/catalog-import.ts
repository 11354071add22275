import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError } from '../app/app-error.js';
import {
  CSV_CATEGORY_COLUMNS,
  CSV_COLUMNS,
  CatalogItemSchema,
  CategorySchema,
  CsvCategoryRowSchema,
  CsvItemRowSchema,
  IMPORT_MAX_ROWS,
  type CatalogItem,
  type Category,
  type ImportBody,
  type RowError,
} from './catalog.schema.js';

/** What an import would write, once every row is valid. */
export interface ParsedImport {
  categories: Category[];
  items: CatalogItem[];
}

function issuesOf(row: number, error: z.ZodError, prefix = ''): RowError[] {
  return error.issues.map((issue) => ({
    row,
    field: prefix + (issue.path.length > 0 ? issue.path.map(String).join('.') : 'row'),
    message: issue.message,
  }));
}

interface CsvLayout {
  columns: readonly string[];
  required: readonly string[];
  /** Prefix of the `field` of every error (`categories.` for the categories file). */
  prefix: string;
}

const ITEMS_CSV: CsvLayout = { columns: CSV_COLUMNS, required: ['sku', 'name', 'category_id', 'price'], prefix: '' };
const CATEGORIES_CSV: CsvLayout = { columns: CSV_CATEGORY_COLUMNS, required: ['id', 'name'], prefix: 'categories.' };

function readCsv(text: string, layout: CsvLayout): { records: Record<string, string>[]; errors: RowError[] } {
  let records: Record<string, string>[];
  let header: string[] = [];
  try {
    records = parse(text, {
      columns: (names: string[]) => (header = names.map((c) => c.trim())),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    return { records: [], errors: [{ row: Math.max(line - 1, 0), field: `${layout.prefix}csv`, message: error instanceof Error ? error.message : 'unreadable CSV' }] };
  }
  const known = new Set<string>(layout.columns);
  const errors: RowError[] = header.filter((c) => !known.has(c)).map((c) => ({ row: 0, field: layout.prefix + c, message: `unknown column (expected ${layout.columns.join(', ')})` }));
  for (const required of layout.required) {
    if (!header.includes(required)) errors.push({ row: 0, field: layout.prefix + required, message: 'missing column' });
  }
  if (records.length > IMPORT_MAX_ROWS) throw new AppError('payload_too_large', `at most ${IMPORT_MAX_ROWS} rows per import`);
  return { records, errors };
}

interface Numbered<T> {
  row: number;
  value: T;
}

function csvToItems(records: Record<string, string>[], errors: RowError[]): Numbered<CatalogItem>[] {
  const items: Numbered<CatalogItem>[] = [];
  records.forEach((record, index) => {
    const parsed = CsvItemRowSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(...issuesOf(index + 1, parsed.error));
      return;
    }
    const r = parsed.data;
    items.push({
      row: index + 1,
      value: CatalogItemSchema.parse({
        sku: r.sku,
        name: r.name,
        nameEn: r.name_en,
        categoryId: r.category_id,
        price: r.price,
        cost: r.cost ?? null,
        unit: r.unit,
        barcode: r.barcode,
        inventory: r.inventory,
      }),
    });
  });
  return items;
}

function csvToCategories(records: Record<string, string>[], errors: RowError[]): Numbered<Category>[] {
  const categories: Numbered<Category>[] = [];
  records.forEach((record, index) => {
    const parsed = CsvCategoryRowSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(...issuesOf(index + 1, parsed.error, CATEGORIES_CSV.prefix));
      return;
    }
    const r = parsed.data;
    categories.push({ row: index + 1, value: CategorySchema.parse({ id: r.id, parentId: r.parent_id ?? null, name: r.name, nameEn: r.name_en, sort: r.sort }) });
  });
  return categories;
}

function jsonRecords<T>(raws: readonly unknown[], schema: z.ZodType<T>, errors: RowError[], prefix: string): Numbered<T>[] {
  const out: Numbered<T>[] = [];
  raws.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push({ row: index + 1, value: parsed.data });
    else errors.push(...issuesOf(index + 1, parsed.error, prefix));
  });
  return out;
}

/**
 * Category rows that would make the tree loop once merged with what is stored (a category its own
 * ancestor would vanish from the tree and make subtree searches meaningless).
 */
function cycleErrors(stored: readonly Category[], incoming: readonly Numbered<Category>[]): RowError[] {
  const parentOf = new Map<string, string | null>(stored.map((c) => [c.id, c.parentId]));
  for (const { value } of incoming) parentOf.set(value.id, value.parentId);
  const errors: RowError[] = [];
  for (const { row, value } of incoming) {
    const seen = new Set<string>([value.id]);
    for (let parent = value.parentId; parent !== null && parent !== undefined; parent = parentOf.get(parent) ?? null) {
      if (seen.has(parent)) {
        errors.push({ row, field: 'categories.parentId', message: `category ${value.id} would be its own ancestor` });
        break;
      }
      seen.add(parent);
    }
  }
  return errors;
}

/**
 * Validates a whole import against the schema and the stored categories. Returns what to write, or
 * every row error: the caller writes nothing unless the list is empty (all-or-nothing).
 */
export function parseImport(body: ImportBody, storedCategories: readonly Category[]): { parsed: ParsedImport; errors: RowError[] } {
  const errors: RowError[] = [];
  let categories: Numbered<Category>[] = [];
  let items: Numbered<CatalogItem>[] = [];

  if (body.format === 'csv') {
    if (body.categoriesCsv !== undefined) {
      const read = readCsv(body.categoriesCsv, CATEGORIES_CSV);
      errors.push(...read.errors);
      categories = csvToCategories(read.records, errors);
    }
    if (body.csv.trim() !== '') {
      const read = readCsv(body.csv, ITEMS_CSV);
      errors.push(...read.errors);
      items = csvToItems(read.records, errors);
    }
  } else {
    categories = jsonRecords(body.categories, CategorySchema, errors, 'categories.');
    items = jsonRecords(body.items, CatalogItemSchema, errors, '');
  }

  const categoryIds = new Set([...storedCategories.map((c) => c.id), ...categories.map((c) => c.value.id)]);
  const parentField = body.format === 'csv' ? 'categories.parent_id' : 'categories.parentId';
  const seenCategories = new Map<string, number>();
  for (const { row, value } of categories) {
    if (value.parentId !== null && !categoryIds.has(value.parentId)) errors.push({ row, field: parentField, message: `unknown category ${value.parentId}` });
    const first = seenCategories.get(value.id);
    if (first !== undefined) errors.push({ row, field: 'categories.id', message: `duplicate of row ${first}` });
    else seenCategories.set(value.id, row);
  }
  errors.push(...cycleErrors(storedCategories, categories));
  const seen = new Map<string, number>();
  for (const { row, value } of items) {
    if (!categoryIds.has(value.categoryId)) errors.push({ row, field: body.format === 'csv' ? 'category_id' : 'categoryId', message: `unknown category ${value.categoryId}` });
    const first = seen.get(value.sku);
    if (first !== undefined) errors.push({ row, field: 'sku', message: `duplicate of row ${first}` });
    else seen.set(value.sku, row);
  }
  errors.sort((a, b) => a.row - b.row);
  return { parsed: { categories: categories.map((n) => n.value), items: items.map((n) => n.value) }, errors };
}
