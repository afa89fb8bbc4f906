import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AuditWriter } from '../audit/audit-writer';
import { createBoundedLabel } from './bounded-label';

/** Seconds; from a fast cached lookup to a slow cross-department profile. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Options of {@link createServiceMetrics}. */
export interface ServiceMetricsOptions {
  /** Service name, the `service` label of every series (`gateway`, `tax`, ...). */
  service: string;
  /** Operation names always kept as labels (trusted documents); default none. */
  knownOperations?: Iterable<string>;
  /** Other operation names admitted as labels before the rest count as `other`; default 50. */
  maxOperations?: number;
  /** Also export the process's CPU, memory, event loop and GC metrics; default false. */
  processMetrics?: boolean;
}

/** A service's Prometheus registry and the metrics every service records. */
export interface ServiceMetrics {
  service: string;
  registry: Registry;
  /** A bounded label for a client-supplied operation name (`anonymous`, `other`). */
  operationLabel(name: string | null | undefined): string;
  /** A bounded label for an error code (`OTHER` beyond 40 distinct codes). */
  errorCodeLabel(code: string | null | undefined): string;
  /** HTTP requests by route (`graphql`, `/health`, ...), method and status. */
  httpRequests: Counter<'route' | 'method' | 'status'>;
  /** GraphQL operations that reached execution or failed in parsing/validation, by operation. */
  operations: Counter<'operation'>;
  /** GraphQL errors in responses, by code (one per error). */
  errors: Counter<'code'>;
  /** Time from the start of a GraphQL request to its response, by operation. */
  operationDuration: Histogram<'operation'>;
  /** Fields the policy refused, by rule id (`default-deny` included). */
  deniedFields: Counter<'rule'>;
  /** Time of one audit batch commit, by chain and outcome (`ok`, `error`). */
  auditCommitDuration: Histogram<'writer' | 'outcome'>;
  /**
   * Records the service's audit chain: its queue depth (`cf_audit_queue_depth`, read at scrape)
   * and the duration of every batch commit.
   */
  watchAuditWriter(writer: AuditWriter): void;
}

/**
 * One registry per running service (in the embedded default every service shares the process,
 * yet each `/metrics` shows its own series). Names are `cf_*`; the `service` label is on all.
 */
export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.processMetrics ?? false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const operationLabel = createBoundedLabel({
    known: options.knownOperations,
    max: options.maxOperations ?? 50,
    pattern: /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
    missing: 'anonymous',
  });
  const errorCodeLabel = createBoundedLabel({
    max: 40,
    pattern: /^[A-Z][A-Z0-9_]{0,47}$/,
    other: 'OTHER',
    missing: 'NONE',
  });
  const queueSources = new Map<string, () => number>();
  new Gauge({
    name: 'cf_audit_queue_depth',
    help: 'Audit records waiting for their batch to commit, per chain.',
    labelNames: ['writer'] as const,
    registers,
    collect() {
      for (const [writer, depth] of queueSources) this.set({ writer }, depth());
    },
  });
  const auditCommitDuration = new Histogram({
    name: 'cf_audit_commit_duration_seconds',
    help: 'Time of one audit group commit (a batch of records), by chain and outcome.',
    labelNames: ['writer', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers,
  });
  return {
    service: options.service,
    registry,
    operationLabel,
    errorCodeLabel,
    httpRequests: new Counter({
      name: 'cf_http_requests_total',
      help: 'HTTP requests answered, by route, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    operations: new Counter({
      name: 'cf_graphql_requests_total',
      help: 'GraphQL operations received, by operation name (bounded: anonymous, other).',
      labelNames: ['operation'] as const,
      registers,
    }),
    errors: new Counter({
      name: 'cf_graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code.',
      labelNames: ['code'] as const,
      registers,
    }),
    operationDuration: new Histogram({
      name: 'cf_graphql_request_duration_seconds',
      help: 'GraphQL request latency, by operation name (bounded).',
      labelNames: ['operation'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    deniedFields: new Counter({
      name: 'cf_policy_denied_fields_total',
      help: 'Fields refused by the access policy, by rule id.',
      labelNames: ['rule'] as const,
      registers,
    }),
    auditCommitDuration,
    watchAuditWriter(writer) {
      queueSources.set(writer.writer, () => writer.pending());
      writer.observe((commit) => {
        auditCommitDuration.observe(
          { writer: writer.writer, outcome: commit.ok ? 'ok' : 'error' },
          commit.seconds,
        );
      });
    },
  };
}
