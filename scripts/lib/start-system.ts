import { createLogger } from '../../lib/log/create-logger';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '../../gateway/start-gateway';
import { chinaToday } from '../../lib/civil-time/china-today';
import { ALL_SUBGRAPHS } from '../../subgraphs/all-subgraphs';
import { startSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../../subgraphs/kit/start-subgraph';
import { DEFAULT_PORTS } from '../../lib/config/default-ports';
import { openKeyStore } from '../../lib/auth/key-store';
import { createRedisReplayGuard } from '../../lib/auth/redis-replay-guard';
import type { LimitsConfig } from '../../gateway/limits/limits-config';
import type { KeyStore } from '../../lib/auth/key-store';
import type { Database } from '../../lib/db/database';
import type { Policy } from '../../lib/policy/types';
import { loadAuditHmacKey } from '../../lib/audit/audit-hmac-key';
import { auditTimeoutMs } from '../../lib/audit/audit-timeout';
import { createAuditWriter } from '../../lib/audit/audit-writer';
import { groupCommitWindowMs } from '../../lib/audit/group-commit-window';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import { AUDIT_SCHEMA, migrateAuditStore } from '../../lib/audit/migrate-audit-store';
import type { Fixtures } from '../seed/build-fixtures';
import { seedSystem } from '../seed/seed-system';
import { startTracing } from '../../lib/tracing/start-tracing';
import type { Tracing } from '../../lib/tracing/start-tracing';
import { createSystemSecurity } from './system-security';
import { openSystemDatabases } from './system-databases';

/** Options of {@link startSystem}. */
export interface StartSystemOptions {
  /** Folder for PGlite data, dev keys and fixtures; default `.data`. */
  dataDir?: string;
  /** Gateway port; default 4000 (`0` = any free port, and subgraphs on free ports too). */
  gatewayPort?: number;
  /** Persons to seed on first start; default 5000. */
  seedPersons?: number;
  /** Progress output; default the JSON log (info). */
  log?: (line: string) => void;
  /** Environment read for `DATABASE_URL_<NAME>`, JWKS_URL, ...; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Keys; default the dev keys under `<dataDir>/keys` (created on first start). */
  keys?: KeyStore;
  /** Access policy; default `policy/policy.yaml`. */
  policy?: Policy;
  /**
   * Write the audit log; default true. Only the benchmark turns it off, to measure its cost;
   * the gateway and subgraphs refuse to run unaudited in production.
   */
  audit?: boolean;
  /**
   * Offer the pages' dev sign-in with the seeded persons of `fixtures.json`; default true outside
   * production when user tokens are verified with the dev key.
   */
  devSignIn?: boolean;
  /**
   * The gateway's request limits; default policy/limits.yaml. `false` turns them off (the
   * benchmark's limits-off rounds only).
   */
  limits?: LimitsConfig | false;
  /** Longest wait of one audit append; default `AUDIT_TIMEOUT_MS` or 5000 ms. */
  auditTimeoutMs?: number;
}

/** The whole system running in one process, and how to stop it. */
export interface RunningSystem {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  /** The audit store every writer appends to (for the audit CLI, tests and operators). */
  auditDb: Database;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph and the gateway over real HTTP on the embedded default (or per-subgraph
 * `DATABASE_URL_<NAME>`), seeding synthetic data on first start.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const dataDir = options.dataDir ?? '.data';
  const env = options.env ?? process.env;
  // Spans are exported only when OTLP is configured (OTEL_EXPORTER_OTLP_ENDPOINT, ...).
  const tracing: Tracing | undefined = startTracing({ serviceName: 'credit-federation', env });
  const logger = createLogger({ service: 'system' });
  const log = options.log ?? ((line: string) => logger.info(line));
  const anyPort = options.gatewayPort === 0;
  // The audit store is its own database (schema `audit`), read by the audit subgraph.
  const names = [...new Set([...ALL_SUBGRAPHS.map((module) => module.name), AUDIT_SCHEMA])];
  // Before any database opens: a policy that does not fit the schema stops the start, named.
  const security = createSystemSecurity({
    keys: options.keys ?? openKeyStore(dataDir),
    policy: options.policy,
    env: options.env,
    dataDir,
  });
  const auditTimeout = options.auditTimeoutMs ?? auditTimeoutMs(env);
  const databases = await openSystemDatabases({
    dataDir,
    subgraphNames: names,
    env,
    // A statement the audit writers gave up on is cancelled by the server, freeing its connection.
    statementTimeoutMs: { [AUDIT_SCHEMA]: auditTimeout + 1000 },
  });
  // REDIS_URL: rate budgets (gateway) and accepted internal tokens (subgraphs) live in Redis.
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const replayGuard = redisUrl ? createRedisReplayGuard({ url: redisUrl }) : undefined;
  const started: RunningSubgraph[] = [];
  const writers: AuditWriter[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) {
      await service.stop();
      log(`  stopped ${service.name}`);
    }
    // Flushes pending audit records before their database closes: nothing lost on Ctrl-C.
    for (const writer of writers) await writer.close();
    await replayGuard?.close();
    await databases.close();
    log('  closed databases');
    await tracing?.shutdown();
  };
  try {
    const auditDb = databases.dbs[AUDIT_SCHEMA];
    await migrateAuditStore(auditDb);
    const hmacKey = await loadAuditHmacKey({ dataDir, env: options.env });
    const commitWindow = groupCommitWindowMs(options.env ?? process.env);
    const auditWriter = (writer: string) => {
      if (options.audit === false) return undefined;
      const created = createAuditWriter({
        db: auditDb,
        writer,
        hmacKey,
        maxDelayMs: commitWindow,
        commitTimeoutMs: auditTimeout,
      });
      writers.push(created);
      return created;
    };
    if (!existsSync(join(dataDir, 'fixtures.json'))) {
      log(`first start: seeding ${options.seedPersons ?? 5000} synthetic persons into ${dataDir}`);
      await seedSystem({
        dbs: databases.dbs,
        modules: ALL_SUBGRAPHS,
        count: options.seedPersons ?? 5000,
        seed: 2018,
        asOf: chinaToday(),
        dataDir,
        log,
      });
    }
    const subgraphUrls: Record<string, string> = {};
    for (const module of ALL_SUBGRAPHS) {
      const port = anyPort ? 0 : DEFAULT_PORTS[module.name];
      // Started in order and credit last, so the collector sees every department's real URL.
      const environment = {
        subgraphUrls,
        serviceHeaders: security.serviceHeaders,
        auditHmacKey: hmacKey,
      };
      const service = await startSubgraph(module, {
        db: databases.dbs[module.name],
        ownsDatabase: false,
        port,
        environment,
        security: await security.subgraph(module.name),
        audit: auditWriter(module.name),
        metricsToken: env.METRICS_TOKEN?.trim() || undefined,
        replayGuard,
      });
      subgraphUrls[module.name] = service.url;
      started.push(service);
      log(`  ${module.name.padEnd(11)} ${service.url} (${service.db.kind})`);
    }
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as Fixtures;
    const devSignIn = (options.devSignIn ?? true) && security.devUserTokens;
    const gateway = await startGateway({
      port: options.gatewayPort ?? DEFAULT_PORTS.gateway,
      subgraphUrls,
      security: await security.gateway(auditWriter('gateway')),
      metricsToken: env.METRICS_TOKEN?.trim() || undefined,
      // A seeded person with records in every sample tab of the playground.
      playgroundPersonId: fixtures.scenarios.tax_arrears[0] ?? fixtures.scenarios.clean[0],
      devSignIn: devSignIn
        ? {
            keys: security.keys,
            citizens: Object.entries(fixtures.scenarios).flatMap(([scenario, ids]) =>
              ids.slice(0, 2).map((id) => ({ scenario, id })),
            ),
            orgs: [fixtures.orgs.consented],
          }
        : undefined,
      limits: options.limits,
      redisUrl: redisUrl ?? '',
    });
    return {
      gatewayUrl: gateway.url,
      subgraphs: started,
      auditDb,
      async stop() {
        await gateway.stop();
        log('  stopped gateway');
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
