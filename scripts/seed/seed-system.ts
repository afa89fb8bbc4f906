import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../subgraphs/kit/db/database';
import { migrateSubgraph } from '../../subgraphs/kit/db/migrate-subgraph';
import { SCENARIOS } from '../../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../../subgraphs/kit/seed/synthetic-person';
import type { SubgraphModule } from '../../subgraphs/kit/subgraph-module';
import { personsPerScenario } from './allocate-scenarios';
import { buildFixtures } from './build-fixtures';
import type { Fixtures } from './build-fixtures';
import { chinaToday } from '../../lib/civil-time/china-today';
import { generatePersons } from './generate-persons';

/** The parts of a subgraph module that seeding uses. */
export type SeedableSubgraph = Pick<SubgraphModule, 'name' | 'migrationsDir' | 'seed'>;

/** Options of {@link seedSystem}. */
export interface SeedSystemOptions {
  /** Database of each module by module name (see openSystemDatabases); one per module required. */
  dbs: Record<string, Database>;
  /** Modules to migrate and seed, in this order (the CLI passes ALL_SUBGRAPHS). */
  modules: readonly SeedableSubgraph[];
  /** Number of synthetic persons; default 5000. */
  count?: number;
  /** PRNG seed; default 2018. */
  seed?: number;
  /** Reference date `yyyy-mm-dd` for ages and relative record dates; default today (China). */
  asOf?: string;
  /** Folder fixtures.json is written to; default `.data`. */
  dataDir?: string;
  /** Progress output, one line per step; default console.log. */
  log?: (line: string) => void;
}

/** What a seed run produced. */
export interface SeedSummary {
  fixtures: Fixtures;
  persons: readonly SyntheticPerson[];
  /** Path of the fixtures file written. */
  fixturesFile: string;
  /** Milliseconds spent per step: `generate`, each module name, and `total`. */
  timings: Record<string, number>;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 95 ? 2 : 1)} s`;
}

/** Writes the file under a temporary name first, so a crash never leaves half a fixtures file. */
function writeFixtures(dataDir: string, fixtures: Fixtures): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'fixtures.json');
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(fixtures, null, 2)}\n`);
  renameSync(temporary, file);
  return file;
}

/**
 * Seeds the whole system: generates the synthetic county once, migrates each module's database,
 * lets each module replace its data with its part of that county, and writes
 * `<dataDir>/fixtures.json` last, so its presence means a complete seed (npm start checks it).
 * Modules run one after another: in the embedded default they share one PGlite anyway.
 */
export async function seedSystem(options: SeedSystemOptions): Promise<SeedSummary> {
  const count = options.count ?? 5000;
  const seed = options.seed ?? 2018;
  const asOf = options.asOf ?? chinaToday();
  const dataDir = options.dataDir ?? '.data';
  const log = options.log ?? ((line: string) => console.log(line));
  const missing = options.modules.filter((module) => !options.dbs[module.name]);
  if (missing.length > 0) {
    throw new Error(`no database for subgraph ${missing.map((module) => module.name).join(', ')}`);
  }
  const began = performance.now();
  const timings: Record<string, number> = {};

  const persons = generatePersons({ count, seed, asOf });
  timings.generate = performance.now() - began;
  log(
    `generated ${count} synthetic persons (seed ${seed}, as of ${asOf}) in ${seconds(timings.generate)}`,
  );
  const perScenario = personsPerScenario(count);
  if (perScenario < 3) {
    log(
      `note: ${count} persons are too few for 3 per scenario; each of the ${SCENARIOS.length} scenarios gets ${perScenario}`,
    );
  }

  for (const module of options.modules) {
    const started = performance.now();
    const db = options.dbs[module.name];
    try {
      await migrateSubgraph(db, module);
      await module.seed?.(db, persons, { asOf });
    } catch (error) {
      // Duck-typed: an error made in another realm (jest's vm) is not `instanceof Error`.
      const message = (error as { message?: unknown } | null)?.message;
      const reason = typeof message === 'string' ? message : String(error);
      throw new Error(`seeding ${module.name} failed: ${reason}`, { cause: error });
    }
    timings[module.name] = performance.now() - started;
    log(
      module.seed
        ? `seeding ${module.name}… ${count} persons in ${seconds(timings[module.name])}`
        : `seeding ${module.name}… migrated, no seed data`,
    );
  }

  const fixtures = buildFixtures(persons, { seed, asOf, generatedAt: new Date().toISOString() });
  const fixturesFile = writeFixtures(dataDir, fixtures);
  timings.total = performance.now() - began;
  log(
    `seeded ${options.modules.length} subgraphs in ${seconds(timings.total)}; example persons in ${fixturesFile}`,
  );
  return { fixtures, persons, fixturesFile, timings };
}
