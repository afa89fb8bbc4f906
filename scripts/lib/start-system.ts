import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '../../gateway/start-gateway';
import { ALL_SUBGRAPHS } from '../../subgraphs/all-subgraphs';
import { startSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../../subgraphs/kit/start-subgraph';
import { DEFAULT_PORTS } from '../../lib/config/default-ports';
import { seedSystem } from '../seed/seed-system';
import { openSystemDatabases } from './system-databases';

/** Options of {@link startSystem}. */
export interface StartSystemOptions {
  /** Folder for PGlite data, dev keys and fixtures; default `.data`. */
  dataDir?: string;
  /** Gateway port; default 4000 (`0` = any free port, and subgraphs on free ports too). */
  gatewayPort?: number;
  /** Persons to seed on first start; default 5000. */
  seedPersons?: number;
  /** Progress output; default console.log. */
  log?: (line: string) => void;
  /** Environment read for `DATABASE_URL_<NAME>`; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The whole system running in one process, and how to stop it. */
export interface RunningSystem {
  gatewayUrl: string;
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

/**
 * Starts every subgraph and the gateway over real HTTP on the embedded default (or per-subgraph
 * `DATABASE_URL_<NAME>`), seeding synthetic data on first start.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const dataDir = options.dataDir ?? '.data';
  const log = options.log ?? ((line: string) => console.log(line));
  const anyPort = options.gatewayPort === 0;
  const names = ALL_SUBGRAPHS.map((module) => module.name);
  const databases = await openSystemDatabases({
    dataDir,
    subgraphNames: names,
    env: options.env ?? process.env,
  });
  const started: RunningSubgraph[] = [];
  const stopAll = async () => {
    for (const service of [...started].reverse()) {
      await service.stop();
      log(`  stopped ${service.name}`);
    }
    await databases.close();
    log('  closed databases');
  };
  try {
    if (!existsSync(join(dataDir, 'fixtures.json'))) {
      log(`first start: seeding ${options.seedPersons ?? 5000} synthetic persons into ${dataDir}`);
      await seedSystem({
        dbs: databases.dbs,
        modules: ALL_SUBGRAPHS,
        count: options.seedPersons ?? 5000,
        seed: 2018,
        asOf: new Date().toISOString().slice(0, 10),
        dataDir,
        log,
      });
    }
    const subgraphUrls: Record<string, string> = {};
    for (const module of ALL_SUBGRAPHS) {
      const port = anyPort ? 0 : DEFAULT_PORTS[module.name];
      // Started in order and credit last, so the collector sees every department's real URL.
      const environment = { subgraphUrls };
      const service = await startSubgraph(module, {
        db: databases.dbs[module.name],
        ownsDatabase: false,
        port,
        environment,
      });
      subgraphUrls[module.name] = service.url;
      started.push(service);
      log(`  ${module.name.padEnd(11)} ${service.url} (${service.db.kind})`);
    }
    const gateway = await startGateway({
      port: options.gatewayPort ?? DEFAULT_PORTS.gateway,
      subgraphUrls,
    });
    return {
      gatewayUrl: gateway.url,
      subgraphs: started,
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
