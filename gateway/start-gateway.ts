import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startApolloHttpServer } from '../lib/http/apollo-http-server';
import { createInFlightRequests } from '../lib/http/in-flight-requests';
import { enforceAccess } from './access/access-enforcing-gateway';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { createLogger } from '../lib/log/create-logger';
import { useRequestLog } from '../lib/log/use-request-log';
import { createMetricsRoute } from '../lib/metrics/create-metrics-route';
import { httpObserver } from '../lib/metrics/http-observer';
import { createServiceMetrics } from '../lib/metrics/service-metrics';
import { useOperationMetrics } from '../lib/metrics/use-operation-metrics';
import { installTraceContext } from '../lib/tracing/install-trace-context';
import { traceHeaders } from '../lib/tracing/trace-headers';
import type { GatewayContext } from './gateway-context';
import type { GatewayOptions } from './gateway-options';
import type { LimitsConfig } from './limits/limits-config';
import { createHealthRoute } from './health-route';
import { createKeepAliveFetcher } from './keep-alive-fetcher';
import { loadLimitsConfig } from './limits/load-limits-config';
import { createMemoryRateLimiter } from './limits/memory-rate-limiter';
import type { RateLimiter } from './limits/rate-limiter';
import { createRedisRateLimiter } from './limits/redis-rate-limiter';
import { createRefusalCounter } from './limits/refusal-counter';
import type { RefusalCounter } from './limits/refusal-counter';
import { createRequestGate } from './limits/request-gate';
import { maskProductionError } from './mask-production-error';
import { createGatewayMetrics } from './metrics/gateway-metrics';
import { useGatewayMetrics } from './metrics/use-gateway-metrics';
import { createDevSignInRoutes } from './dev-sign-in/create-dev-sign-in-routes';
import { createPageRoutes } from './pages/create-page-routes';
import { defaultPlaygroundTabs } from './playground/default-playground-tabs';
import { useRequestId } from './plugins/use-request-id';
import { loadTrustedDocuments } from './operations/load-trusted-documents';
import { TrustedDocumentsCache } from './operations/trusted-documents-cache';
import { trustedOperationNames } from './operations/trusted-operation-names';
import { SubgraphDataSource } from './subgraph-data-source';

/** The default supergraph file, written by `npm run compose`. */
const DEFAULT_SUPERGRAPH_PATH = join(__dirname, '..', 'schema', 'supergraph.graphql');

/** A listening gateway and how to stop it. */
export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000/` (GraphQL, playground and `/health`). */
  url: string;
  port: number;
  /** Stops accepting requests, then releases the subgraph connections. */
  stop(): Promise<void>;
  /** Refusals of the request gate by code, and a hook for metrics (RefusalCounter.subscribe). */
  refusals: RefusalCounter;
}

/**
 * Starts the public GraphQL gateway: Apollo Gateway over a static supergraph (no runtime
 * introspection of subgraphs), served by Apollo Server over node:http with `/health`,
 * `/metrics`, the GraphiQL playground, the audit console and the citizen page.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  if (production && !options.security.audited) {
    throw new Error('gateway: an audit writer is required in production (no unaudited access)');
  }
  if (production && options.devSignIn) {
    throw new Error('gateway: dev sign-in is refused in production (users bring their own tokens)');
  }
  const supergraphSdl =
    options.supergraphSdl ??
    readFileSync(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  if (production && options.limits === false) {
    throw new Error('gateway: the request limits cannot be turned off in production');
  }
  const limits = options.limits === false ? undefined : (options.limits ?? loadLimitsConfig());
  const overrides = options.subgraphUrls ?? {};
  installTraceContext();
  const log = createLogger({ service: 'gateway' });
  const trustedDocuments = options.trustedDocuments ?? loadTrustedDocuments();
  const metrics = createGatewayMetrics(
    createServiceMetrics({
      service: 'gateway',
      knownOperations: trustedOperationNames(trustedDocuments),
      processMetrics: options.processMetrics ?? true,
    }),
  );
  if (options.security.auditWriter) metrics.watchAuditWriter(options.security.auditWriter);
  const fetcher = createKeepAliveFetcher({
    timeoutMs: options.subgraphTimeoutMs,
    connectionsPerSubgraph: options.subgraphConnections,
  });
  const redisUrl = (options.redisUrl ?? process.env.REDIS_URL)?.trim() || undefined;
  const ownLimiter = !options.rateLimiter && limits !== undefined;
  const rateLimiter: RateLimiter | undefined =
    options.rateLimiter ??
    (limits === undefined
      ? undefined
      : redisUrl
        ? await createRedisRateLimiter({ url: redisUrl })
        : createMemoryRateLimiter());
  const gate =
    limits && rateLimiter
      ? createRequestGate({
          config: limits,
          rateLimiter,
          trustedDocuments,
          audit: (context, refusal) => options.security.recordRefusal(context, refusal),
        })
      : undefined;
  // Refusals of the gate reach /metrics: 429s by the budget that ran out, others by limit or code.
  gate?.refusals.subscribe((refusal) => {
    if (refusal.code === 'RATE_LIMITED') metrics.countRateLimitRefusal(refusal.limit ?? 'other');
    else metrics.countLimitRefusal(refusal.limit ?? refusal.code);
  });
  const release = async () => {
    await fetcher.close();
    if (ownLimiter) await rateLimiter?.close();
  };
  // Filled by buildService while the supergraph loads: name -> URL actually used.
  const subgraphs = new Map<string, string>();
  options.security.bindSubgraphUrls?.(subgraphs);
  let loaded = false;

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = overrides[name] ?? url;
      if (!target)
        throw new Error(`subgraph "${name}" has no URL in the supergraph or subgraphUrls`);
      subgraphs.set(name, target);
      return new SubgraphDataSource({
        name,
        url: target,
        fetcher: fetcher.fetch,
        production,
        // The W3C trace context of the fetch span, so each subgraph continues the trace.
        headers: async (context, subgraph) => ({
          ...traceHeaders(),
          ...(await options.security.subgraphHeaders(context, subgraph)),
        }),
      });
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    gate?.setSchema(apiSchema);
    loaded = true;
  });

  const apollo = new ApolloServer<GatewayContext>({
    // The gateway enforces the policy itself (denied fields never planned), whatever the
    // subgraphs do: gateway/access.
    gateway: enforceAccess(gateway, supergraphSdl),
    // The process that started us owns shutdown order (gateway, then subgraphs, then databases);
    // Apollo's own signal handlers would race it and leave the process hanging on Ctrl-C.
    stopOnTerminationSignals: false,
    // Approval systems call reviewed operations by hash (operations/); clients cannot add any.
    persistedQueries: {
      cache: new TrustedDocumentsCache(trustedDocuments),
    },
    // A second bound behind the request gate, which checks each client type's own token limit.
    parseOptions: limits ? { maxTokens: largestTokenLimit(limits) } : {},
    // Introspection is decided per caller by the policy check (developers, or everyone in dev).
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: production ? maskProductionError : undefined,
    logger: log,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Apollo's own landing page loads from a CDN; the playground route serves a local GraphiQL.
      ApolloServerPluginLandingPageDisabled(),
      useRequestId(),
      useRequestLog(log),
      useOperationMetrics(metrics),
      useGatewayMetrics(metrics),
      ...options.security.plugins,
      ...(options.plugins ?? []),
    ],
  });
  try {
    await apollo.start();
    const unknown = Object.keys(overrides).filter((name) => !subgraphs.has(name));
    if (unknown.length > 0) {
      throw new Error(
        `subgraphUrls names subgraphs missing from the supergraph: ${unknown.join(', ')} (run npm run compose)`,
      );
    }
  } catch (error) {
    await apollo.stop();
    await release();
    throw error;
  }

  const devSignIn = createDevSignInRoutes(options.devSignIn);
  // One request at a time: its audit record commits at once (no wait for company).
  const inFlight = createInFlightRequests();
  const pages = await createPageRoutes({
    devSignIn: options.devSignIn !== undefined,
    pages: options.pages ?? true,
    playground:
      (options.playground ?? true)
        ? {
            tabs: defaultPlaygroundTabs(
              options.playgroundPersonId ?? makeCitizenId('511921', '19850315', 101),
              trustedDocuments,
            ),
            trustedHashes: trustedDocuments.map((document) => document.sha256),
          }
        : undefined,
  }).catch(async (error: unknown) => {
    await apollo.stop();
    await release();
    throw error;
  });
  const http = await startApolloHttpServer<GatewayContext>({
    apollo,
    port: options.port ?? 4000,
    host: options.host,
    name: 'gateway',
    observe: httpObserver(metrics),
    maxBodyBytes: options.maxBodyBytes,
    inFlight,
    context: async (req, request) => {
      const base: GatewayContext = {
        requestId: randomUUID(),
        metrics,
        alone: () => inFlight.count <= 1,
      };
      const context = await options.security.context(req, base);
      await gate?.admit(req, request, context);
      return context;
    },
    routes: {
      ...pages,
      ...devSignIn.get,
      '/health': createHealthRoute({
        subgraphs: () => (loaded ? subgraphs : undefined),
        timeoutMs: options.healthTimeoutMs,
        audit: (timeoutMs) => options.security.auditHealth(timeoutMs),
        rateLimiter,
      }),
      '/metrics': createMetricsRoute(metrics.registry, options.metricsToken),
    },
    postRoutes: devSignIn.post,
  }).catch(async (error: unknown) => {
    await apollo.stop();
    await release();
    throw error;
  });

  return {
    url: http.url,
    port: http.port,
    refusals: gate?.refusals ?? createRefusalCounter(),
    async stop() {
      await http.stop();
      await apollo.stop();
      await release();
    },
  };
}

/** The largest token limit of any client type (Apollo Server's own parse bound). */
function largestTokenLimit(limits: LimitsConfig): number {
  return Math.max(
    limits.operation.defaults.maxTokens,
    ...Object.values(limits.operation.byClientType).map((own) => own?.maxTokens ?? 0),
  );
}
