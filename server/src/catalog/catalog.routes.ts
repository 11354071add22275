import express from 'express';
import { z } from 'zod';
import type { ModuleFactory } from '../app/module.types.js';
import { createRouteBuilder } from '../app/route-builder.js';
import { parseInput } from '../app/validate.js';
import type { Role } from '../auth/roles.js';
import {
  CatalogItemBodySchema,
  CatalogItemSchema,
  CatalogItemViewSchema,
  ImportBodySchema,
  ImportResultSchema,
  IMPORT_MAX_BYTES,
  SearchQuerySchema,
  SearchResultSchema,
} from './catalog.schema.js';
import { createCatalogService } from './catalog.service.js';

const READERS: Role[] = ['planner', 'approver', 'analyst'];
const WRITERS: Role[] = ['planner'];
const SkuParamSchema = z.object({ sku: CatalogItemSchema.shape.sku });
const CategoryNodeSchema = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), nameEn: z.string().optional(), sort: z.number(), children: z.array(z.unknown()) });

/** Catalog import (CSV or JSON, all-or-nothing), item upsert, search and the category tree. */
export const catalogModule: ModuleFactory = (deps, ctx) => {
  const service = createCatalogService(deps);
  const routes = createRouteBuilder(ctx.openapi);
  const tags = ['catalog'];
  const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: IMPORT_MAX_BYTES });

  routes.add(
    {
      method: 'post',
      path: '/catalog/import',
      auth: { kind: 'user', roles: WRITERS },
      doc: { summary: 'Import catalog items and categories (JSON `{format:"json", categories?, items}`, JSON `{format:"csv", csv, categoriesCsv?}`, or an items text/csv body); every row is validated and nothing is written unless all are valid', tags, body: ImportBodySchema, response: ImportResultSchema },
    },
    csvBody,
    async (req, res) => {
      const raw: unknown = typeof req.body === 'string' ? { format: 'csv', csv: req.body } : req.body;
      const body = parseInput(ImportBodySchema, raw);
      res.json(await service.importCatalog(body));
    },
  );

  routes.add(
    { method: 'put', path: '/catalog/items/:sku', auth: { kind: 'user', roles: WRITERS }, doc: { summary: 'Create or replace one catalog item', tags, params: SkuParamSchema, body: CatalogItemBodySchema, response: CatalogItemViewSchema } },
    async (req, res) => {
      const { sku } = parseInput(SkuParamSchema, req.params, 'params');
      const body = parseInput(CatalogItemBodySchema, req.body);
      res.json(await service.upsertItem({ ...body, sku }));
    },
  );

  routes.add(
    { method: 'get', path: '/catalog/items/:sku', auth: { kind: 'user', roles: READERS }, doc: { summary: 'One catalog item', tags, params: SkuParamSchema, response: CatalogItemViewSchema } },
    async (req, res) => {
      const { sku } = parseInput(SkuParamSchema, req.params, 'params');
      res.json(await service.item(sku));
    },
  );

  routes.add(
    { method: 'get', path: '/catalog/items', auth: { kind: 'user', roles: READERS }, doc: { summary: 'Search items by name (zh/en), SKU, barcode and category subtree (keyset paged by SKU)', tags, query: SearchQuerySchema, response: SearchResultSchema } },
    async (req, res) => {
      res.json(await service.search(parseInput(SearchQuerySchema, req.query, 'query')));
    },
  );

  routes.add(
    { method: 'get', path: '/catalog/categories', auth: { kind: 'user', roles: READERS }, doc: { summary: 'The category tree', tags, response: z.object({ categories: z.array(CategoryNodeSchema) }) } },
    async (_req, res) => {
      res.json({ categories: await service.categoryTree() });
    },
  );

  return { name: 'catalog', router: routes.router, routeTable: routes.routeTable, bodyLimits: [{ path: '/catalog/import', limit: '12mb' }] };
};
