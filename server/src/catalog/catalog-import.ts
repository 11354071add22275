import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { AppError } from '../app/app-error.js';
import {
  CSV_COLUMNS,
  CatalogItemSchema,
  CategorySchema,
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

function readCsv(text: string): { records: Record<string, string>[]; errors: RowError[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    return { records: [], errors: [{ row: Math.max(line - 1, 0), field: 'csv', message: error instanceof Error ? error.message : 'unreadable CSV' }] };
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim());
  const known = new Set<string>(CSV_COLUMNS);
  const errors: RowError[] = columns.filter((c) => !known.has(c)).map((c) => ({ row: 0, field: c, message: `unknown column (expected ${CSV_COLUMNS.join(', ')})` }));
  for (const required of ['sku', 'name', 'category_id', 'price']) {
    if (!columns.includes(required)) errors.push({ row: 0, field: required, message: 'missing column' });
  }
  return { records, errors };
}

interface NumberedItem {
  row: number;
  item: CatalogItem;
}

function csvToItems(records: Record<string, string>[], errors: RowError[]): NumberedItem[] {
  const items: NumberedItem[] = [];
  records.forEach((record, index) => {
    const parsed = CsvItemRowSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(...issuesOf(index + 1, parsed.error));
      return;
    }
    const r = parsed.data;
    items.push({
      row: index + 1,
      item: CatalogItemSchema.parse({
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

/**
 * Validates a whole import against the schema and the known categories. Returns what to write, or
 * every row error: the caller writes nothing unless the list is empty (all-or-nothing).
 */
export function parseImport(body: ImportBody, knownCategoryIds: ReadonlySet<string>): { parsed: ParsedImport; errors: RowError[] } {
  const errors: RowError[] = [];
  const categories: Category[] = [];
  let items: NumberedItem[] = [];

  if (body.format === 'csv') {
    const read = readCsv(body.csv);
    errors.push(...read.errors);
    if (read.records.length > IMPORT_MAX_ROWS) throw new AppError('payload_too_large', `at most ${IMPORT_MAX_ROWS} rows per import`);
    items = csvToItems(read.records, errors);
  } else {
    body.categories.forEach((raw, index) => {
      const parsed = CategorySchema.safeParse(raw);
      if (parsed.success) categories.push(parsed.data);
      else errors.push(...issuesOf(index + 1, parsed.error, 'categories.'));
    });
    body.items.forEach((raw, index) => {
      const parsed = CatalogItemSchema.safeParse(raw);
      if (parsed.success) items.push({ row: index + 1, item: parsed.data });
      else errors.push(...issuesOf(index + 1, parsed.error));
    });
  }

  const categoryIds = new Set([...knownCategoryIds, ...categories.map((c) => c.id)]);
  categories.forEach((c, index) => {
    if (c.parentId !== null && !categoryIds.has(c.parentId)) errors.push({ row: index + 1, field: 'categories.parentId', message: `unknown category ${c.parentId}` });
  });
  const seen = new Map<string, number>();
  for (const { row, item } of items) {
    if (!categoryIds.has(item.categoryId)) errors.push({ row, field: body.format === 'csv' ? 'category_id' : 'categoryId', message: `unknown category ${item.categoryId}` });
    const first = seen.get(item.sku);
    if (first !== undefined) errors.push({ row, field: 'sku', message: `duplicate of row ${first}` });
    else seen.set(item.sku, row);
  }
  errors.sort((a, b) => a.row - b.row);
  return { parsed: { categories, items: items.map((n) => n.item) }, errors };
}
