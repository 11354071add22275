import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CatalogItem, Category } from '../api/api.schema.js';
import { openStudioDb } from '../db/studio-db.js';
import { categoryPath, categorySubtree, parseSkuList, refreshCatalogCache, searchItems } from './catalog-cache.js';

const categories: Category[] = [
  { id: 'food', name: '食品', parentId: null },
  { id: 'fruit', name: '水果', parentId: 'food' },
  { id: 'apple', name: '苹果', parentId: 'fruit' },
  { id: 'home', name: '家居', parentId: null },
];
const item = (sku: string, name: string, categoryId: string, extra: Partial<CatalogItem> = {}): CatalogItem => ({ sku, name, categoryId, price: 1000, ...extra });
const items = [item('A1', '红富士苹果', 'apple', { nameEn: 'Fuji apple', barcode: '6901234' }), item('B1', '香蕉', 'fruit'), item('H1', '毛巾', 'home')];

describe('catalog cache', () => {
  it('finds items by name in either language, SKU or barcode', () => {
    expect(searchItems(items, categories, '苹果', '').map((i) => i.sku)).toEqual(['A1']);
    expect(searchItems(items, categories, 'fuji', '').map((i) => i.sku)).toEqual(['A1']);
    expect(searchItems(items, categories, 'h1', '').map((i) => i.sku)).toEqual(['H1']);
    expect(searchItems(items, categories, '690123', '').map((i) => i.sku)).toEqual(['A1']);
  });

  it('limits a search to a category and everything below it', () => {
    expect(searchItems(items, categories, '', 'food').map((i) => i.sku)).toEqual(['A1', 'B1']);
    expect([...categorySubtree(categories, 'fruit')].sort()).toEqual(['apple', 'fruit']);
  });

  it('gives the category path from leaf to root', () => {
    expect(categoryPath(categories, 'apple')).toEqual(['apple', 'fruit', 'food']);
    expect(categoryPath(categories, 'unknown')).toEqual(['unknown']);
  });

  it('splits a pasted SKU list into known and unknown SKUs', () => {
    expect(parseSkuList('A1, B1\nZZ9\tA1；H1', new Set(['A1', 'B1', 'H1']))).toEqual({ known: ['A1', 'B1', 'H1'], unknown: ['ZZ9'] });
  });

  it('stores every page of the server catalog', async () => {
    const db = openStudioDb('catalog-test', { indexedDB, IDBKeyRange });
    const pages = [
      { items: [items[0]!, items[1]!], cursor: 'B1' },
      { items: [items[2]!], cursor: 'H1' },
      { items: [], cursor: null },
    ];
    let call = 0;
    const count = await refreshCatalogCache(db, {
      categories: async () => categories,
      searchCatalog: async () => pages[call++] ?? { items: [] },
    });
    expect(count).toBe(3);
    expect(await db.catalog.count()).toBe(3);
    expect(await db.categories.count()).toBe(4);
  });
});
