import { Counter, Histogram } from 'prom-client';
import { createBoundedLabel } from '../../lib/metrics/bounded-label';
import { LATENCY_BUCKETS } from '../../lib/metrics/service-metrics';
import type { ServiceMetrics } from '../../lib/metrics/service-metrics';

/** The gateway's metrics: every service's, plus subgraph fetches and refusals by limit. */
export interface GatewayMetrics extends ServiceMetrics {
  /** One subgraph fetch of an operation, by subgraph and outcome (`ok`, `error`). */
  subgraphFetchDuration: Histogram<'subgraph' | 'outcome'>;
  /**
   * Counts a request refused for exceeding a limit (`depth`, `aliases`, `cost`, `tokens`,
   * `body`, ...; at most 20 distinct names, then `other`).
   */
  countLimitRefusal(limit: string): void;
  /** Counts a request refused by a rate limit (429), by scope (`caller`, `ip`, ...; bounded). */
  countRateLimitRefusal(scope: string): void;
}

/** Adds the gateway's own metrics to a service registry. */
export function createGatewayMetrics(base: ServiceMetrics): GatewayMetrics {
  const registers = [base.registry];
  const limitLabel = createBoundedLabel({ max: 20, pattern: /^[A-Za-z][A-Za-z0-9_-]{0,31}$/ });
  const scopeLabel = createBoundedLabel({ max: 10, pattern: /^[A-Za-z][A-Za-z0-9_-]{0,31}$/ });
  const limitRefusals = new Counter({
    name: 'cf_limit_refusals_total',
    help: 'Requests refused before validation for exceeding a limit, by limit.',
    labelNames: ['limit'] as const,
    registers,
  });
  const rateLimitRefusals = new Counter({
    name: 'cf_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit (HTTP 429), by scope.',
    labelNames: ['scope'] as const,
    registers,
  });
  return {
    ...base,
    subgraphFetchDuration: new Histogram({
      name: 'cf_subgraph_fetch_duration_seconds',
      help: 'Latency of one subgraph fetch made by the gateway, by subgraph and outcome.',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    countLimitRefusal(limit) {
      limitRefusals.inc({ limit: limitLabel(limit) });
    },
    countRateLimitRefusal(scope) {
      rateLimitRefusals.inc({ scope: scopeLabel(scope) });
    },
  };
}
