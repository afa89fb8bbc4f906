import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLimitsConfig } from '../../gateway/limits/load-limits-config';
import { startGateway } from '../../gateway/start-gateway';
import { chinaToday } from '../../lib/civil-time/china-today';
import type { RunningGateway } from '../../gateway/start-gateway';
import type { Fixtures } from '../../scripts/seed/build-fixtures';
import { seedSystem } from '../../scripts/seed/seed-system';
import { ALL_SUBGRAPHS } from '../../subgraphs/all-subgraphs';
import { createAuditSubgraph } from '../../subgraphs/audit';
import { createCreditSubgraph } from '../../subgraphs/credit';
import type { CreditSubgraphModule } from '../../subgraphs/credit';
import type { SourceReport } from '../../subgraphs/credit/collector/collect-source';
import type { SyntheticPerson } from '../../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../../subgraphs/kit/start-subgraph';
import { registerSubgraph } from '../../subgraphs/kit/subgraph-module';
import type { RegisteredSubgraph } from '../../subgraphs/kit/subgraph-module';
import { openTestDatabases } from './test-databases';
import type { DbMode, TestDatabases } from './test-databases';
import { createTestSecurity } from './test-security';
import type { TestSecurity } from './test-security';

/** Options of {@link startSecureSystem}. */
export interface SecureSystemOptions {
  /** Synthetic persons seeded into every subgraph; default 120. */
  persons?: number;
  /** PRNG seed of the synthetic county; default 2018. */
  seed?: number;
  /** Reference date of the seed (`yyyy-mm-dd`); default today in China Standard Time. */
  asOf?: string;
  /**
   * The credit platform's clock (its "today", collection times, staleness); default the system
   * clock. Tokens are still signed and checked with the system clock.
   */
  now?: () => Date;
  /**
   * Subgraphs enforce the policy with their own shields; default true. False (test only) shows
   * the gateway enforcing alone, as it must for subgraphs that do not.
   */
  shield?: boolean;
  /** Where the subgraphs keep their data: one in-memory PGlite, or the PostgreSQL server; default pglite. */
  dbMode?: DbMode;
}

/** The whole system behind its real gateway, secured with the default policy and in-memory keys. */
export interface SecureSystem {
  /** Base URL of the gateway (GraphQL at `/`). */
  gatewayUrl: string;
  gateway: RunningGateway;
  /** Keys, policy and header builders the services were started with. */
  security: TestSecurity;
  /** Every subgraph by name, each on its own port. */
  subgraphs: Record<string, RunningSubgraph>;
  /** The synthetic county that was seeded. */
  persons: readonly SyntheticPerson[];
  /** Example person ids per scenario. */
  fixtures: Fixtures;
  /** What the credit collector's one pass over the department feeds reported. */
  collection: SourceReport[];
  /** The running credit module: tests run further collection passes with it. */
  credit: CreditSubgraphModule;
  /** What the credit platform wrote to its operator log, in order. */
  creditLog: string[];
  /** Stops the gateway, the subgraphs and the database. */
  stop(): Promise<void>;
}

/**
 * Starts ALL_SUBGRAPHS on one in-memory PGlite (or on the PostgreSQL server), seeds a synthetic county, runs the credit
 * collector once with its own service identity, and starts the gateway on the checked-in
 * supergraph with the default policy (policy/policy.yaml): the production path, keys aside.
 */
export async function startSecureSystem(options: SecureSystemOptions = {}): Promise<SecureSystem> {
  const security = createTestSecurity();
  // The collector runs when the test says so (once, below), not on a timer of its own.
  const creditLog: string[] = [];
  const credit = createCreditSubgraph({
    collectOnStart: false,
    collector: { log: () => undefined },
    log: (line) => creditLog.push(line),
    now: options.now,
  });
  // The audit read side gets a key of its own (the dev key file under .data is not for tests).
  const audit = createAuditSubgraph({ hmacKey: randomBytes(32) });
  const replaced: Record<string, RegisteredSubgraph> = {
    [credit.name]: registerSubgraph(credit),
    [audit.name]: registerSubgraph(audit),
  };
  const modules = ALL_SUBGRAPHS.map((module) => replaced[module.name] ?? module);
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-secure-'));
  const subgraphs: Record<string, RunningSubgraph> = {};
  let databases: TestDatabases | undefined;
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    for (const service of Object.values(subgraphs).reverse()) await service.stop();
    await databases?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    databases = await openTestDatabases(
      options.dbMode ?? 'pglite',
      modules.map((module) => module.name),
    );
    const { persons, fixtures } = await seedSystem({
      dbs: databases.dbs,
      modules,
      count: options.persons ?? 120,
      seed: options.seed ?? 2018,
      asOf: options.asOf ?? chinaToday(),
      dataDir,
      log: () => undefined,
    });
    const subgraphUrls: Record<string, string> = {};
    const environment = { subgraphUrls, serviceHeaders: security.serviceHeaders };
    for (const module of modules) {
      const service = await startSubgraph(module, {
        db: databases.dbs[module.name],
        ownsDatabase: false,
        environment,
        security: await security.subgraph(module.name),
        shield: options.shield ?? true,
      });
      subgraphs[module.name] = service;
      subgraphUrls[module.name] = service.url;
    }
    const collection = await credit.collectOnce();
    const failed = collection.filter((report) => report.error !== null);
    if (failed.length > 0) {
      throw new Error(
        `credit collection failed: ${failed.map((report) => `${report.dept}: ${report.error}`).join('; ')}`,
      );
    }
    gateway = await startGateway({
      port: 0,
      subgraphUrls,
      playground: false,
      security: await security.gateway(),
      // The permission tests ask as approval systems with documents of their own, to test the
      // policy for `system` callers; production holds those to operations/ (the safelist, tested
      // in test/hostile-input.test.ts). Every other limit is the default.
      limits: { ...loadLimitsConfig(), safelist: { clientTypes: [] } },
    });
    return {
      gatewayUrl: gateway.url,
      gateway,
      security,
      subgraphs,
      persons,
      fixtures,
      collection,
      credit,
      creditLog,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
