import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { ErrorBodySchema } from './api.schema.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  /** '' means the same origin as the page (the web build served at /studio). */
  baseUrl: string;
  getToken: () => string | null;
  fetch?: FetchLike;
  /** Called on 401 so the shell can send the planner back to the login screen. */
  onUnauthorized?: () => void;
}

export interface HttpClient {
  request<T extends z.ZodType>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, schema: T, body?: unknown): Promise<z.infer<T>>;
  /** A GET whose answer is not JSON (report HTML, CSV); errors still come as the JSON error shape. */
  requestText(path: string): Promise<string>;
}

/** A JSON client: Bearer token, server error shape → ApiError, every response parsed with zod. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const send = async (method: string, path: string, body: unknown, accept: string): Promise<Response> => {
    const headers: Record<string, string> = { accept };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await doFetch(`${options.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError('network', cause instanceof Error ? cause.message : 'network error', 0);
    }
  };
  const failure = (response: Response, text: string): ApiError => {
    if (response.status === 401) options.onUnauthorized?.();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      return new ApiError(`http_${response.status}`, response.statusText || 'request failed', response.status);
    }
    const parsed = ErrorBodySchema.safeParse(json);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(code, message, response.status, details);
    }
    return new ApiError(`http_${response.status}`, response.statusText || 'request failed', response.status);
  };
  return {
    async request(method, path, schema, body) {
      const response = await send(method, path, body, 'application/json');
      const text = await response.text();
      if (!response.ok) throw failure(response, text);
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new ApiError('bad_response', `non-JSON response (${response.status})`, response.status);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiError('bad_response', `unexpected response for ${method} ${path}: ${parsed.error.message}`, response.status);
      }
      return parsed.data;
    },
    async requestText(path) {
      const response = await send('GET', path, undefined, '*/*');
      const text = await response.text();
      if (!response.ok) throw failure(response, text);
      return text;
    },
  };
}
