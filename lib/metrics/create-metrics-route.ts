import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { Route } from '../http/apollo-http-server';
import { sendError } from '../http/apollo-http-server';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in the Prometheus text format. With a `token` (`METRICS_TOKEN`), only a scraper
 * sending `Authorization: Bearer <token>` is answered; the series hold no person data either way.
 */
export function createMetricsRoute(registry: Registry, token?: string): Route {
  return async (req, res) => {
    if (token !== undefined && token !== '') {
      const header = String(req.headers.authorization ?? '');
      if (!header.startsWith('Bearer ') || !sameSecret(header.slice(7), token)) {
        sendError(
          res,
          401,
          'metrics need Authorization: Bearer <METRICS_TOKEN>',
          'UNAUTHENTICATED',
        );
        return;
      }
    }
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  };
}
