import type { ObservedRequest } from '../http/apollo-http-server';
import type { ServiceMetrics } from './service-metrics';

/**
 * The HTTP server's observer for a service: counts every answered request by route, method and
 * status, and the code of every refusal the HTTP layer makes itself (401 before GraphQL, 413).
 */
export function httpObserver(metrics: ServiceMetrics): (request: ObservedRequest) => void {
  return (request) => {
    metrics.httpRequests.inc({
      route: request.route,
      method: request.method,
      status: String(request.status),
    });
    if (request.errorCode !== undefined) {
      metrics.errors.inc({ code: metrics.errorCodeLabel(request.errorCode) });
    }
  };
}
