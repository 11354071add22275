import { z } from 'zod';
import type { HttpClient } from './http-client.js';
import {
  AuditResponseSchema,
  CatalogPageSchema,
  CategoriesResponseSchema,
  LifecycleResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  PushResponseSchema,
  SyncChangesResponseSchema,
  VersionsResponseSchema,
  type EntityType,
} from './api.schema.js';
import { EffectReportSchema, ExperimentResultsSchema, PromoteResponseSchema, type ReportLang, type ReportSubject } from './report.schema.js';

export type LifecycleAction = 'publish' | 'pause' | 'resume' | 'end' | 'archive';

export interface PushChange {
  entityType: EntityType;
  id: string;
  baseVersion: number;
  doc?: unknown;
  deleted?: true;
}

const enc = encodeURIComponent;

/** Path of an effect report (`subject` campaign or theme) in one of the server's formats. */
export function reportPath(subject: ReportSubject, id: string, format: 'json' | 'html' | 'csv', lang: ReportLang): string {
  return `/api/v1/reports/${subject === 'campaign' ? 'campaigns' : 'themes'}/${enc(id)}?format=${format}&lang=${lang}`;
}

/** The studio-facing REST API, one function per endpoint. */
export function createStudioApi(http: HttpClient) {
  return {
    login: (username: string, password: string) => http.request('POST', '/api/v1/auth/login', LoginResponseSchema, { username, password }),
    me: () => http.request('GET', '/api/v1/auth/me', MeResponseSchema),
    logout: () => http.request('POST', '/api/v1/auth/logout', z.unknown()),
    pullChanges: (since: number, limit: number) =>
      http.request('GET', `/api/v1/sync/changes?since=${since}&limit=${limit}`, SyncChangesResponseSchema),
    pushChanges: (changes: PushChange[]) => http.request('POST', '/api/v1/sync/push', PushResponseSchema, { changes }),
    searchCatalog: (params: { q?: string; categoryId?: string; limit?: number; cursor?: string }) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
      return http.request('GET', `/api/v1/catalog/items?${query.toString()}`, CatalogPageSchema);
    },
    categories: () => http.request('GET', '/api/v1/catalog/categories', CategoriesResponseSchema),
    lifecycle: (campaignId: string, action: LifecycleAction, body: Record<string, unknown> = {}) =>
      http.request('POST', `/api/v1/campaigns/${enc(campaignId)}/${action}`, LifecycleResponseSchema, body),
    versions: (campaignId: string) => http.request('GET', `/api/v1/campaigns/${enc(campaignId)}/versions`, VersionsResponseSchema),
    effectReport: (subject: ReportSubject, id: string) => http.request('GET', reportPath(subject, id, 'json', 'zh'), EffectReportSchema),
    /** The server-rendered report (HTML with SVG charts) or its CSV, as text. */
    reportDocument: (subject: ReportSubject, id: string, format: 'html' | 'csv', lang: ReportLang) => http.requestText(reportPath(subject, id, format, lang)),
    experimentResults: (campaignId: string) => http.request('GET', `/api/v1/experiments/${enc(campaignId)}/results`, ExperimentResultsSchema),
    promoteWinner: (campaignId: string) => http.request('POST', `/api/v1/experiments/${enc(campaignId)}/promote-winner`, PromoteResponseSchema, { apply: true }),
    audit: (entityId: string) => http.request('GET', `/api/v1/audit?entityId=${enc(entityId)}`, AuditResponseSchema),
  };
}
export type StudioApi = ReturnType<typeof createStudioApi>;
