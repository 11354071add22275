import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, type ErrorBody } from './app-error.js';
import { loggableUrl } from './loggable-url.js';

/** body-parser and other http-errors style failures carry a 4xx `status` and `expose: true`. */
interface HttpError {
  status: number;
  type?: string;
  expose?: boolean;
  message: string;
}

function isClientHttpError(err: unknown): err is HttpError {
  if (typeof err !== 'object' || err === null || !('status' in err)) return false;
  const status = (err as { status: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message }));
    return new AppError('bad_request', issues[0] ? `${issues[0].field}: ${issues[0].message}` : 'invalid input', { issues });
  }
  if (isClientHttpError(err)) {
    if (err.status === 413) return new AppError('payload_too_large', 'request body too large');
    if (err.type === 'entity.parse.failed') return new AppError('bad_request', 'malformed JSON body');
    return new AppError('bad_request', err.expose ? err.message : 'bad request');
  }
  return undefined;
}

/**
 * The one place errors become HTTP: `{error: {code, message, details}}`. Unexpected errors are
 * logged here (once) and answered 500 without internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = toAppError(err);
    if (!known || known.status >= 500) logger.error({ err, method: req.method, url: loggableUrl(req.originalUrl) }, 'request failed');
    const appError = known ?? new AppError('internal', 'internal error');
    if (res.headersSent) {
      res.end();
      return;
    }
    const body: ErrorBody = { error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }) } };
    res.status(appError.status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError('not_found', `no route ${req.method} ${req.path}`);
};
