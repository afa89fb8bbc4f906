/**
 * `npm run seed -- --persons N`: replaces every subgraph's data with a synthetic Tongjiang county
 * and writes <data-dir>/fixtures.json (DESIGN §7). `--help` lists the options.
 */
import { chinaToday } from '../lib/civil-time/china-today';
import { parseSeedArgs, SEED_USAGE, SeedUsageError } from './seed/parse-seed-args';

async function main(): Promise<void> {
  const parsed = parseSeedArgs(process.argv.slice(2), chinaToday());
  if (parsed.help) {
    console.log(SEED_USAGE);
    return;
  }
  const { persons, seed, asOf, dataDir } = parsed.command;
  // Loaded only now, so --help and usage errors answer without loading every subgraph.
  const { ALL_SUBGRAPHS } = await import('../subgraphs/all-subgraphs');
  const { openSystemDatabases } = await import('./lib/system-databases');
  const { seedSystem } = await import('./seed/seed-system');
  const databases = await openSystemDatabases({
    dataDir,
    subgraphNames: ALL_SUBGRAPHS.map((module) => module.name),
    env: process.env,
  });
  console.log(`seed: ${ALL_SUBGRAPHS.length} subgraphs, ${databases.mode} databases`);
  try {
    await seedSystem({
      dbs: databases.dbs,
      modules: ALL_SUBGRAPHS,
      count: persons,
      seed,
      asOf,
      dataDir,
    });
  } finally {
    await databases.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof SeedUsageError) {
    console.error(`seed: ${error.message}\nRun \`npm run seed -- --help\` for the options.`);
    process.exit(2);
  }
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
