import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { loggableUrl } from '../app/loggable-url.js';

/** One registry per app instance (tests run several apps in one process). */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * Request duration and count by method, matched route pattern (never the raw URL, to keep label
 * cardinality bounded) and status; a debug log line per request.
 */
export function httpMetrics(registry: Registry, logger: Logger): RequestHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const labels = { method: req.method, route: typeof routePath === 'string' ? routePath : 'unmatched', status: String(res.statusCode) };
      duration.observe(labels, seconds);
      requests.inc(labels);
      if (logger.isLevelEnabled('debug')) logger.debug({ method: req.method, url: loggableUrl(req.originalUrl), status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}
