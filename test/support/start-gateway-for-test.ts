import { startGateway } from '../../gateway/start-gateway';
import type { RunningGateway } from '../../gateway/start-gateway';
import type { GatewayOptions } from '../../gateway/gateway-options';
import { composeSupergraph } from '../../scripts/lib/compose-supergraph';
import type { ComposableSubgraph } from '../../scripts/lib/compose-supergraph';
import { ALL_SUBGRAPHS } from '../../subgraphs/all-subgraphs';
import { chinaToday } from '../../lib/civil-time/china-today';
import { migrateSubgraph } from '../../subgraphs/kit/db/migrate-subgraph';
import type { SyntheticPerson } from '../../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RegisteredSubgraph } from '../../subgraphs/kit/subgraph-module';
import { openTestDatabases } from './test-databases';
import type { TestDatabases } from './test-databases';
import { createTestSecurity, loadSeeAllTestPolicy } from './test-security';
import type { TestSecurity } from './test-security';

/** A subgraph the test serves itself (e.g. a probe), composed in with the real ones. */
export interface ExtraSubgraph extends ComposableSubgraph {
  url: string;
}

/** Options of {@link startGatewayForTest}. */
export interface GatewayForTestOptions {
  /** Subgraphs to start, in order, on one in-memory PGlite; default ALL_SUBGRAPHS. */
  modules?: readonly RegisteredSubgraph[];
  /** Persons to seed before the services start; default none. */
  persons?: readonly SyntheticPerson[];
  /** Names of the modules that seed `persons`; default every started module with a seed. */
  seed?: readonly string[];
  /** Day the seed is as of (`yyyy-mm-dd`); default today in China. */
  asOf?: string;
  /**
   * More databases to open on the same PGlite, by name (e.g. `audit` for a gateway's audit
   * store, as the embedded default keeps it), in `databases.dbs`; default none.
   */
  extraDatabases?: readonly string[];
  /** Subgraphs already running outside this helper; default none. */
  extraSubgraphs?: readonly ExtraSubgraph[];
  /**
   * Gateway options; `port` defaults to 0, and the supergraph, URLs and security come from this
   * helper.
   */
  gateway?: Omit<GatewayOptions, 'security'>;
  /**
   * Keys and policy of every service started here and of the gateway; default
   * `createTestSecurity({ policy: loadSeeAllTestPolicy() })`, validated against the checked-in
   * supergraph (a test composing only some subgraphs still names every type in its policy).
   */
  security?: TestSecurity;
}

/** Real subgraphs and a gateway on them, composed from the modules (not the checked-in file). */
export interface GatewayForTest {
  gateway: RunningGateway;
  /** The security every service runs with: sign user tokens for the gateway with it. */
  security: TestSecurity;
  /** Started subgraphs by name. */
  subgraphs: Record<string, RunningSubgraph>;
  /** The supergraph composed for this test. */
  supergraphSdl: string;
  /** The URL of every subgraph (started and extra) by name. */
  subgraphUrls: Record<string, string>;
  databases: TestDatabases;
  /** Stops one started subgraph (to test what happens when it is down). */
  stopSubgraph(name: string): Promise<void>;
  /** Stops the gateway, every subgraph still running, and the database. */
  stop(): Promise<void>;
}

/**
 * Starts the given subgraphs over real HTTP on PGlite (migrated and seeded first, so background
 * work such as the credit collector sees data), composes their supergraph with any extra
 * subgraphs, and starts a gateway on them with the services' real URLs.
 */
export async function startGatewayForTest(
  options: GatewayForTestOptions = {},
): Promise<GatewayForTest> {
  const modules = options.modules ?? ALL_SUBGRAPHS;
  const extras = options.extraSubgraphs ?? [];
  const security = options.security ?? createTestSecurity({ policy: loadSeeAllTestPolicy() });
  const databases = await openTestDatabases('pglite', [
    ...modules.map((module) => module.name),
    ...(options.extraDatabases ?? []),
  ]);
  const subgraphs: Record<string, RunningSubgraph> = {};
  const subgraphUrls: Record<string, string> = Object.fromEntries(
    extras.map((extra) => [extra.name, extra.url]),
  );
  let gateway: RunningGateway | undefined;
  const stop = async () => {
    await gateway?.stop();
    for (const service of Object.values(subgraphs).reverse()) await service.stop();
    await databases.close();
  };
  try {
    const seeders = options.seed ?? modules.map((module) => module.name);
    for (const module of modules) {
      const db = databases.dbs[module.name];
      await migrateSubgraph(db, module);
      if (options.persons && seeders.includes(module.name))
        await module.seed?.(db, options.persons, { asOf: options.asOf ?? chinaToday() });
    }
    for (const module of modules) {
      // One shared object: the credit collector reads the departments started before it.
      const service = await startSubgraph(module, {
        db: databases.dbs[module.name],
        ownsDatabase: false,
        security: await security.subgraph(module.name),
        environment: { subgraphUrls, serviceHeaders: security.serviceHeaders },
      });
      subgraphs[module.name] = service;
      subgraphUrls[module.name] = service.url;
    }
    const { supergraphSdl } = composeSupergraph([...modules, ...extras], { urls: subgraphUrls });
    gateway = await startGateway({
      port: 0,
      ...options.gateway,
      supergraphSdl,
      subgraphUrls,
      security: await security.gateway(),
    });
    const stopSubgraph = async (name: string) => {
      const service = subgraphs[name];
      delete subgraphs[name];
      await service?.stop();
    };
    return {
      gateway,
      security,
      subgraphs,
      supergraphSdl,
      subgraphUrls,
      databases,
      stopSubgraph,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
