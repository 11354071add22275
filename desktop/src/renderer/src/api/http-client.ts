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
}

/** A JSON client: Bearer token, server error shape → ApiError, every response parsed with zod. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async request(method, path, schema, body) {
      const headers: Record<string, string> = { accept: 'application/json' };
      const token = options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await doFetch(`${options.baseUrl.replace(/\/$/, '')}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (cause) {
        throw new ApiError('network', cause instanceof Error ? cause.message : 'network error', 0);
      }
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new ApiError('bad_response', `non-JSON response (${response.status})`, response.status);
      }
      if (!response.ok) {
        if (response.status === 401) options.onUnauthorized?.();
        const parsed = ErrorBodySchema.safeParse(json);
        if (parsed.success) {
          const { code, message, details } = parsed.data.error;
          throw new ApiError(code, message, response.status, details);
        }
        throw new ApiError(`http_${response.status}`, response.statusText || 'request failed', response.status);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiError('bad_response', `unexpected response for ${method} ${path}: ${parsed.error.message}`, response.status);
      }
      return parsed.data;
    },
  };
}
