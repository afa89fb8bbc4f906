import { parseArgs } from 'node:util';
import { SCENARIOS } from '../../subgraphs/kit/seed/scenarios';
import { isIsoDate } from './calendar';

/** A seed run as asked for on the command line. */
export interface SeedCommand {
  persons: number;
  seed: number;
  asOf: string;
  dataDir: string;
}

/** The outcome of parsing: print the usage, or seed. */
export type ParsedSeedArgs = { help: true } | { help: false; command: SeedCommand };

/** A command line that cannot be run; the message says which option is wrong and why. */
export class SeedUsageError extends Error {
  override name = 'SeedUsageError';
}

const MAX_PERSONS = 1_000_000;
const MAX_SEED = 0xffffffff;
const EARLIEST_AS_OF = '1970-01-01';

/** The `--help` text. */
export const SEED_USAGE = `Seeds every subgraph with a synthetic Tongjiang county and writes <data-dir>/fixtures.json.

Usage: npm run seed -- [options]

Options:
  --persons N        number of synthetic persons, ${SCENARIOS.length} to ${MAX_PERSONS} (default 5000)
  --seed S           PRNG seed, 0 to ${MAX_SEED} (default 2018); same seed, same county
  --as-of DATE       reference date yyyy-mm-dd for ages and record dates (default today)
  --data-dir DIR     embedded database and fixtures folder (default .data)
  -h, --help         show this help

Databases: a subgraph with DATABASE_URL_<NAME> set (e.g. DATABASE_URL_TAX) is seeded in that
PostgreSQL database; all others share the embedded PGlite in <data-dir>/pglite.`;

function persons(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) === 0) {
    throw new SeedUsageError(`--persons must be a positive whole number, got "${raw}"`);
  }
  const value = Number(raw);
  if (value < SCENARIOS.length) {
    throw new SeedUsageError(
      `--persons must be at least ${SCENARIOS.length} (one person per fixture scenario), got ${value}`,
    );
  }
  if (value > MAX_PERSONS) {
    throw new SeedUsageError(`--persons must be at most ${MAX_PERSONS}, got ${value}`);
  }
  return value;
}

function seedNumber(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_SEED) {
    throw new SeedUsageError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${raw}"`);
  }
  return Number(raw);
}

function asOfDate(raw: string, today: string): string {
  if (!isIsoDate(raw)) {
    throw new SeedUsageError(`--as-of must be a real date written yyyy-mm-dd, got "${raw}"`);
  }
  if (raw < EARLIEST_AS_OF) {
    throw new SeedUsageError(`--as-of must be ${EARLIEST_AS_OF} or later, got ${raw}`);
  }
  // Department records are dated relative to asOf; after today they would lie in the future.
  if (raw > today)
    throw new SeedUsageError(`--as-of must not be after today (${today}), got ${raw}`);
  return raw;
}

const OPTIONS = {
  persons: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs in strict mode, its errors (unknown option, missing value) as usage errors. */
function parseValues(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    // Not `instanceof Error`: parseArgs errors may come from another realm (jest's vm).
    const message = (error as { message?: unknown } | null)?.message;
    throw new SeedUsageError(typeof message === 'string' ? message : String(error));
  }
}

/**
 * Parses the seed command line (`process.argv.slice(2)`) with node:util parseArgs; throws a
 * SeedUsageError naming the bad option. `today` (yyyy-mm-dd) is the default and latest `--as-of`.
 */
export function parseSeedArgs(argv: readonly string[], today: string): ParsedSeedArgs {
  const values = parseValues(argv);
  if (values.help === true) return { help: true };
  const dataDir = values['data-dir'] ?? '.data';
  if (dataDir.trim() === '') throw new SeedUsageError('--data-dir must not be empty');
  return {
    help: false,
    command: {
      persons: persons(values.persons ?? '5000'),
      seed: seedNumber(values.seed ?? '2018'),
      asOf: asOfDate(values['as-of'] ?? today, today),
      dataDir,
    },
  };
}
