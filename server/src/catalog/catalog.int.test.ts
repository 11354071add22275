import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createCatalogReader } from './catalog-reader.js';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length > 0) await apps.pop()!.close();
});

const categories = [
  { id: 'food', parentId: null, name: '食品', nameEn: 'Food' },
  { id: 'fruit', parentId: 'food', name: '水果', nameEn: 'Fruit' },
  { id: 'citrus', parentId: 'fruit', name: '柑橘', nameEn: 'Citrus' },
  { id: 'home', parentId: null, name: '日用', nameEn: 'Home' },
];
const items = [
  { sku: 'APPLE-1', name: '红富士苹果', nameEn: 'Fuji Apple', categoryId: 'fruit', price: 1290, cost: 800, barcode: '6901234567892' },
  { sku: 'ORANGE-1', name: '脐橙', nameEn: 'Navel Orange', categoryId: 'citrus', price: 1590, cost: 900 },
  { sku: 'SOAP-1', name: '洗手液', nameEn: 'Hand Soap', categoryId: 'home', price: 1990 },
];

async function world() {
  const t = await createTestApp();
  apps.push(t);
  const token = await t.login('planner');
  const auth = { Authorization: `Bearer ${token}` };
  await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'json', categories, items }).expect(200);
  return { t, auth };
}

describe('catalog import', () => {
  it('imports JSON with categories and upserts on a second import', async () => {
    const { t, auth } = await world();
    const again = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'json', items: [{ ...items[0], price: 1190 }] });
    expect(again.body).toEqual({ imported: 1, categories: 0 });
    const apple = await t.request.get('/api/v1/catalog/items/APPLE-1').set(auth);
    expect(apple.body).toMatchObject({ sku: 'APPLE-1', price: 1190, cost: 800, categoryId: 'fruit', unit: '件' });
  });

  it('imports CSV sent as text/csv and as JSON', async () => {
    const { t, auth } = await world();
    const csv = 'sku,name,name_en,category_id,price,cost,unit,barcode,inventory\nPEAR-1,雪梨,Snow Pear,fruit,990,500,袋,,12\n"KIWI-1","猕猴桃, 大","Kiwi, large",fruit,1500,,个,6909876543210,\n';
    const res = await t.request.post('/api/v1/catalog/import').set(auth).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    const kiwi = await t.request.get('/api/v1/catalog/items/KIWI-1').set(auth);
    expect(kiwi.body).toMatchObject({ name: '猕猴桃, 大', nameEn: 'Kiwi, large', price: 1500, cost: null, inventory: 0, barcode: '6909876543210' });
    const viaJson = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'csv', csv: 'sku,name,category_id,price\nLIME-1,青柠,citrus,300\n' });
    expect(viaJson.body.imported).toBe(1);
  });

  it('reports every bad row with its field and imports nothing when any row is bad', async () => {
    const { t, auth } = await world();
    const csv = 'sku,name,category_id,price,cost\nGOOD-1,好,fruit,100,50\nBAD-1,,fruit,abc,\nBAD-2,坏,nowhere,100,\nGOOD-1,重复,fruit,100,\n';
    const res = await t.request.post('/api/v1/catalog/import').set(auth).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    const errors = res.body.error.details.errors as { row: number; field: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'name' }),
        expect.objectContaining({ row: 2, field: 'price' }),
        expect.objectContaining({ row: 3, field: 'category_id' }),
        expect.objectContaining({ row: 4, field: 'sku' }),
      ]),
    );
    await t.request.get('/api/v1/catalog/items/GOOD-1').set(auth).expect(404);
    const jsonBad = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'json', items: [{ ...items[0], sku: 'NEW-1' }, { sku: 'NEW-2', name: 'x', categoryId: 'fruit', price: -1 }] });
    expect(jsonBad.status).toBe(400);
    expect(jsonBad.body.error.details.errors).toEqual([expect.objectContaining({ row: 2, field: 'price' })]);
    await t.request.get('/api/v1/catalog/items/NEW-1').set(auth).expect(404);
  });

  it('imports categories from CSV with the items that use them, in one transaction', async () => {
    const { t, auth } = await world();
    const categoriesCsv = 'id,parent_id,name,name_en,sort\ndrinks,,饮料,Drinks,5\ntea,drinks,茶饮,Tea,\n';
    const csv = 'sku,name,category_id,price\nTEA-1,乌龙茶,tea,450\n';
    const res = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'csv', categoriesCsv, csv });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 1, categories: 2 });
    const tree = await t.request.get('/api/v1/catalog/categories').set(auth);
    const drinks = (tree.body.categories as { id: string; sort: number; children: { id: string; nameEn?: string }[] }[]).find((c) => c.id === 'drinks');
    expect(drinks).toMatchObject({ sort: 5, children: [{ id: 'tea', nameEn: 'Tea' }] });
    const found = await t.request.get('/api/v1/catalog/items').query({ categoryId: 'drinks' }).set(auth);
    expect(found.body.items.map((i: { sku: string }) => i.sku)).toEqual(['TEA-1']);
  });

  it('refuses bad category rows and loops in the tree, naming them, and imports nothing', async () => {
    const { t, auth } = await world();
    const categoriesCsv = 'id,parent_id,name\nsnacks,,零食\nchips,ghost,薯片\nnuts,snacks,\n';
    const csv = 'sku,name,category_id,price\nNUT-1,坚果,snacks,990\n';
    const bad = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'csv', categoriesCsv, csv });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, field: 'categories.parent_id' }), expect.objectContaining({ row: 3, field: 'categories.name' })]),
    );
    // food → fruit already exists; making food a child of citrus (under fruit) would loop.
    const loop = await t.request.post('/api/v1/catalog/import').set(auth).send({ format: 'json', categories: [{ id: 'food', parentId: 'citrus', name: '食品' }, { id: 'snacks', parentId: null, name: '零食' }], items: [] });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details.errors).toEqual([expect.objectContaining({ row: 1, field: 'categories.parentId' })]);
    const tree = await t.request.get('/api/v1/catalog/categories').set(auth);
    const ids = (tree.body.categories as { id: string }[]).map((c) => c.id);
    expect(ids).toContain('food');
    expect(ids).not.toContain('snacks');
    await t.request.get('/api/v1/catalog/items/NUT-1').set(auth).expect(404);
  });

  it('refuses an unknown CSV column and a body over the size limit', async () => {
    const { t, auth } = await world();
    const res = await t.request.post('/api/v1/catalog/import').set(auth).set('Content-Type', 'text/csv').send('sku,name,category_id,price,colour\nA,a,fruit,1,red\n');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ row: 0, field: 'colour' });
    const huge = 'sku,name,category_id,price\n' + 'X,y,fruit,1\n'.repeat(1_100_000);
    const tooBig = await t.request.post('/api/v1/catalog/import').set(auth).set('Content-Type', 'text/csv').send(huge);
    expect(tooBig.status).toBe(413);
  });
});

describe('catalog search and tree', () => {
  it('finds items by zh name, en name (any case), SKU prefix, barcode and category subtree', async () => {
    const { t, auth } = await world();
    const skus = async (query: Record<string, string | number>) =>
      ((await t.request.get('/api/v1/catalog/items').query(query).set(auth)).body.items as { sku: string }[]).map((i) => i.sku);
    expect(await skus({ q: '苹果' })).toEqual(['APPLE-1']);
    expect(await skus({ q: 'navel' })).toEqual(['ORANGE-1']);
    expect(await skus({ q: 'SOAP' })).toEqual(['SOAP-1']);
    expect(await skus({ q: '6901234567892' })).toEqual(['APPLE-1']);
    expect(await skus({ q: '%' })).toEqual([]);
    expect(await skus({ categoryId: 'food' })).toEqual(['APPLE-1', 'ORANGE-1']);
    expect(await skus({ categoryId: 'citrus' })).toEqual(['ORANGE-1']);
    const page1 = await t.request.get('/api/v1/catalog/items').query({ limit: 2 }).set(auth);
    expect(page1.body.cursor).toBe('ORANGE-1');
    const page2 = await t.request.get('/api/v1/catalog/items').query({ limit: 2, cursor: page1.body.cursor }).set(auth);
    expect(page2.body.items.map((i: { sku: string }) => i.sku)).toEqual(['SOAP-1']);
  });

  it('returns the category tree', async () => {
    const { t, auth } = await world();
    const res = await t.request.get('/api/v1/catalog/categories').set(auth);
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(['food', 'home']);
    expect(res.body.categories[0].children[0].children[0].id).toBe('citrus');
  });

  it('serves catalog facts with ancestry from memory and sees writes through invalidation', async () => {
    const { t, auth } = await world();
    const reader = createCatalogReader(t.deps.db, { pubsub: t.deps.stores.pubsub });
    await reader.start();
    try {
      const first = await reader.getItems(['ORANGE-1', 'NOPE']);
      expect(first.get('ORANGE-1')).toEqual({ price: 1590, cost: 900, categoryIds: ['citrus', 'fruit', 'food'] });
      expect(first.has('NOPE')).toBe(false);
      await t.request.put('/api/v1/catalog/items/ORANGE-1').set(auth).send({ ...items[1], price: 1490 }).expect(200);
      await expect.poll(async () => (await reader.getItems(['ORANGE-1'])).get('ORANGE-1')?.price, { timeout: 2000 }).toBe(1490);
    } finally {
      await reader.close();
    }
  });
});
