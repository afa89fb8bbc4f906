import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { startApolloHttpServer } from '../../lib/http/apollo-http-server';
import { createLogger } from '../../lib/log/create-logger';
import { useRequestLog } from '../../lib/log/use-request-log';
import { createMetricsRoute } from '../../lib/metrics/create-metrics-route';
import { httpObserver } from '../../lib/metrics/http-observer';
import { createServiceMetrics } from '../../lib/metrics/service-metrics';
import { useOperationMetrics } from '../../lib/metrics/use-operation-metrics';
import { installTraceContext } from '../../lib/tracing/install-trace-context';
import { INTERNAL_CONTEXT_HEADER } from '../../lib/auth/internal-token';
import { createMemoryReplayGuard } from '../../lib/auth/memory-replay-guard';
import type { ReplayGuard } from '../../lib/auth/replay-guard';
import { HttpError } from '../../lib/http/http-error';
import { createInFlightRequests } from '../../lib/http/in-flight-requests';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import { createResolverLog } from '../../lib/audit/resolver-log';
import { useResolverAudit } from './audit/use-resolver-audit';
import { createSubgraphHealthRoute } from './subgraph-health-route';
import { applyPolicy } from './authz/apply-policy';
import type { SubgraphSecurity } from './authz/subgraph-security';
import type { Database } from './db/database';
import { migrateSubgraph } from './db/migrate-subgraph';
import { loadSubgraphSdl } from './load-sdl';
import type { BaseSubgraphContext, SubgraphEnvironment, SubgraphModule } from './subgraph-module';

/** Options of {@link startSubgraph}. */
export interface StartSubgraphOptions {
  /** Who may call this subgraph and the policy it enforces; required, so no subgraph runs open. */
  security: SubgraphSecurity;
  /** This subgraph's database (its own schema in it); closed by `stop()` when `ownsDatabase`. */
  db: Database;
  /** Whether `stop()` closes `db`; default true. */
  ownsDatabase?: boolean;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Interface; default 127.0.0.1. */
  host?: string;
  /** Production mode hides stack traces from clients; default `NODE_ENV === 'production'`. */
  production?: boolean;
  environment?: SubgraphEnvironment;
  /**
   * Remembers the internal context tokens this subgraph accepted, so each is accepted once;
   * default a memory guard of its own (closed by stop()). Give every instance of one subgraph
   * the same Redis guard (createRedisReplayGuard) when several run behind one name.
   */
  replayGuard?: ReplayGuard;
  /**
   * Enforce the policy with the shield; default true. False exists only so a test can show that
   * the gateway enforces on its own (a subgraph of another vendor might not); production refuses
   * to start without it.
   */
  shield?: boolean;
  /**
   * This subgraph's audit chain: every request that touches person fields appends its resolver
   * log before the response leaves, or the response carries no data. Required in production;
   * elsewhere default none (unit-level tests of one subgraph).
   */
  audit?: AuditWriter;
  /** Bearer token `/metrics` requires; default none (open, as `/health` is). */
  metricsToken?: string;
  /**
   * Export the process's CPU, memory and event-loop metrics; default false (in the embedded
   * default the gateway's `/metrics` has them; a subgraph running alone turns them on).
   */
  processMetrics?: boolean;
}

/** A running subgraph service. */
export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  db: Database;
  stop(): Promise<void>;
}

/** Migrates the database, then serves the subgraph over HTTP with `/health`. */
export async function startSubgraph<TContext extends BaseSubgraphContext>(
  module: SubgraphModule<TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { db } = options;
  await migrateSubgraph(db, module);
  installTraceContext();
  const log = createLogger({ service: module.name });
  const metrics = createServiceMetrics({
    service: module.name,
    processMetrics: options.processMetrics ?? false,
  });
  if (options.audit) metrics.watchAuditWriter(options.audit);
  const environment = options.environment ?? { subgraphUrls: {} };
  const production = options.production ?? process.env.NODE_ENV === 'production';
  if (production && !options.audit) {
    throw new Error(`${module.name}: an audit writer is required in production`);
  }
  const shielded = options.shield ?? true;
  if (production && !shielded) {
    throw new Error(`${module.name}: the policy shield cannot be switched off in production`);
  }
  const parts = module.build(db, {
    ...environment,
    policy: environment.policy ?? options.security.policy,
  });
  const resolveReference = parts.resolveSubjectReference?.bind(parts);
  const built = buildSubgraphSchema({
    typeDefs: parse(loadSubgraphSdl(module)),
    resolvers: parts.resolvers as GraphQLResolverMap<unknown>,
  });
  // Deny by default: every field goes through the policy's shield, whoever calls.
  const schema = shielded
    ? applyPolicy(built, options.security.policy, {
        now: environment.now,
        resolveSubjectReference: resolveReference
          ? (reference, context) => resolveReference(reference, context as TContext)
          : undefined,
        onDecision: ({ field, personId, decision, context }) => {
          if (decision.effect === 'deny') metrics.deniedFields.inc({ rule: decision.ruleId });
          if (personId === undefined) return;
          const log = (context as Partial<BaseSubgraphContext>).resolverLog;
          if (decision.effect === 'allow') log?.resolved(personId, field);
          else if (decision.effect === 'mask') log?.masked(personId, field);
          else log?.denied(personId, field, decision.ruleId);
        },
      })
    : built;
  const replayGuard = options.replayGuard ?? createMemoryReplayGuard();
  // One request at a time: its resolver log commits at once (no wait for company).
  const inFlight = createInFlightRequests();
  const alone = () => inFlight.count <= 1;
  const apollo = new ApolloServer<TContext>({
    schema,
    // Shutdown order belongs to the process (subgraph before its database); see startSystem.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    logger: log,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      useRequestLog(log),
      // The gateway names a subgraph fetch `<client operation>__<subgraph>__<n>`: counted under
      // the client's operation name.
      useOperationMetrics(metrics, { operationName: (name) => name.replace(/__\w+__\d+$/, '') }),
      ...(options.audit
        ? [
            useResolverAudit({
              writer: options.audit,
              policyVersion: options.security.policy.version,
              alone,
            }),
          ]
        : []),
    ],
  });
  await apollo.start();
  parts.metrics?.(metrics.registry);
  const http = await startApolloHttpServer<TContext>({
    apollo,
    port: options.port,
    host: options.host,
    name: module.name,
    observe: httpObserver(metrics),
    inFlight,
    // Only the gateway or the credit collector can sign a valid token: anything else is a 401,
    // introspection and `_service` included.
    context: async (req) => {
      const internal = await options.security.verifyInternalToken(
        req.headers[INTERNAL_CONTEXT_HEADER],
      );
      const verdict = await replayGuard.accept(module.name, internal.tokenId, internal.expiresAtMs);
      if (verdict === 'replayed') {
        throw new HttpError(
          401,
          'internal context token was already used: each token is accepted once',
          'UNAUTHENTICATED',
        );
      }
      if (verdict === 'full') {
        throw new HttpError(
          503,
          'too many requests in flight to check for replays',
          'SERVICE_UNAVAILABLE',
          {
            headers: { 'retry-after': '1' },
          },
        );
      }
      const { audit } = options;
      return parts.context({
        requestId: internal.requestId,
        caller: internal.caller,
        resolverLog: createResolverLog(),
        appendAudit: async (log) => {
          if (!audit) return;
          await audit.append(
            log.toRecord({
              requestId: internal.requestId,
              caller: internal.caller,
              policyVersion: options.security.policy.version,
            }),
            { alone: alone() },
          );
        },
      });
    },
    routes: {
      '/health': createSubgraphHealthRoute({ name: module.name, db, audit: options.audit }),
      '/metrics': createMetricsRoute(metrics.registry, options.metricsToken),
    },
  });
  await parts.start?.();
  let stopping: Promise<void> | undefined;
  return {
    name: module.name,
    url: http.url,
    port: http.port,
    db,
    // Idempotent: a test (or an operator) may stop one subgraph before the whole system stops.
    stop() {
      stopping ??= (async () => {
        await parts.stop?.();
        await http.stop();
        await apollo.stop();
        if (!options.replayGuard) await replayGuard.close();
        if (options.ownsDatabase ?? true) await db.close();
      })();
      return stopping;
    },
  };
}
