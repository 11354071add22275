/**
 * The one error type of the server. Routes throw it; `error-handler.ts` maps the code to HTTP.
 * Expected business outcomes (sold out, limit reached) are typed results, not errors.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_early: 425,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The one JSON error shape of the API. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
