import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.js';
import { createHttpClient, type FetchLike } from './http-client.js';
import { createStudioApi } from './studio-api.js';

function respond(status: number, body: unknown): FetchLike {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('HTTP client', () => {
  it('sends the bearer token and parses the response', async () => {
    const fetch = respond(200, { changes: [], cursor: 7, hasMore: false });
    const api = createStudioApi(createHttpClient({ baseUrl: 'http://srv/', getToken: () => 'tok', fetch }));
    await expect(api.pullChanges(3, 100)).resolves.toEqual({ changes: [], cursor: 7, hasMore: false });
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe('http://srv/api/v1/sync/changes?since=3&limit=100');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns the server error shape into an ApiError with its code', async () => {
    const onUnauthorized = vi.fn();
    const client = createHttpClient({ baseUrl: '', getToken: () => null, fetch: respond(401, { error: { code: 'unauthorized', message: 'no token' } }), onUnauthorized });
    const error = await client.request('GET', '/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('fails loudly when a response breaks the contract', async () => {
    const client = createHttpClient({ baseUrl: '', getToken: () => null, fetch: respond(200, { changes: 'nope' }) });
    await expect(createStudioApi(client).pullChanges(0, 10)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('reports an unreachable server as a network error', async () => {
    const client = createHttpClient({ baseUrl: '', getToken: () => null, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await client.request('GET', '/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetwork).toBe(true);
  });

  it('flattens the category tree with parent ids', async () => {
    const fetch = respond(200, { categories: [{ id: 'food', name: '食品', parentId: null, children: [{ id: 'fruit', name: '水果', parentId: 'food', children: [] }] }] });
    const api = createStudioApi(createHttpClient({ baseUrl: '', getToken: () => null, fetch }));
    await expect(api.categories()).resolves.toEqual([
      { id: 'food', name: '食品', parentId: null },
      { id: 'fruit', name: '水果', parentId: 'food' },
    ]);
  });
});

describe('HTTP client, text responses', () => {
  it('returns report HTML as text with the bearer token, from the report path', async () => {
    const fetch: FetchLike = vi.fn(async () => new Response('<!doctype html><svg></svg>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const api = createStudioApi(createHttpClient({ baseUrl: 'http://srv', getToken: () => 'tok', fetch }));
    await expect(api.reportDocument('theme', 'th 1', 'html', 'en')).resolves.toBe('<!doctype html><svg></svg>');
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe('http://srv/api/v1/reports/themes/th%201?format=html&lang=en');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns a JSON error on a text request into an ApiError', async () => {
    const client = createHttpClient({ baseUrl: '', getToken: () => null, fetch: respond(400, { error: { code: 'bad_request', message: 'query: to must be after from' } }) });
    await expect(client.requestText('/r')).rejects.toMatchObject({ code: 'bad_request', status: 400 });
  });

  it('carries the promote-winner refusal decision in the error details', async () => {
    const decision = { winner: null, reason: { code: 'insufficient_data', message: { zh: '每个变体至少需要 1000 次曝光', en: 'Every variant needs at least 1000 exposures' } }, primaryMetric: 'conversion', leader: 'B', comparisons: [] };
    const api = createStudioApi(createHttpClient({ baseUrl: '', getToken: () => null, fetch: respond(409, { error: { code: 'conflict', message: 'x', details: { decision } } }) }));
    await expect(api.promoteWinner('c1')).rejects.toMatchObject({ code: 'conflict', status: 409, details: { decision } });
  });
});
