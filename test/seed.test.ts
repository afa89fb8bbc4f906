import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { validateCitizenId } from '../lib/ids/citizen-id';
import { databaseUrlVariable, openSystemDatabases } from '../scripts/lib/system-databases';
import type { Fixtures } from '../scripts/seed/build-fixtures';
import { generatePersons } from '../scripts/seed/generate-persons';
import { seedSystem } from '../scripts/seed/seed-system';
import type { SeedableSubgraph } from '../scripts/seed/seed-system';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { CONSENTED_ORG } from '../subgraphs/credit/seed';
import type { Database } from '../subgraphs/kit/db/database';
import { SCENARIOS } from '../subgraphs/kit/seed/scenarios';
import { createPopulationStore } from '../subgraphs/population/store';
import type { PersonRecord } from '../subgraphs/population/store';
import { DB_MODES, createTestDatabaseUrls, openTestDatabases } from './support/test-databases';
import type { DbMode, TestDatabaseUrls, TestDatabases } from './support/test-databases';

const COUNT = 300;
const SEED = 42;
const AS_OF = '2025-06-30';
const NAMES = ALL_SUBGRAPHS.map((module) => module.name);
const ROOT = join(__dirname, '..');

function readFixtures(dataDir: string): Fixtures {
  return JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as Fixtures;
}

/** Every person of the register, in id order, as the population store reads them. */
async function populationRows(db: Database): Promise<PersonRecord[]> {
  const ids = generatePersons({ count: COUNT, seed: SEED, asOf: AS_OF }).map((p) => p.id);
  const rows = await createPopulationStore(db).findPersons(ids);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** Row count of every table in every subgraph schema (`schema.table` -> rows). */
async function tableCounts(dbs: Record<string, Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of NAMES) {
    const tables = await dbs[name].query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [name],
    );
    for (const { table_name: table } of tables) {
      const [row] = await dbs[name].query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${name}.${table}`,
      );
      counts[`${name}.${table}`] = row.n;
    }
  }
  return counts;
}

/** The environment of this process without any DATABASE_URL_* variable, plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('DATABASE_URL')),
  );
  return { ...env, ...extra };
}

/** Runs the seed CLI, resolving with its exit code and output. */
function runSeedCli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/seed.ts', ...args],
      { cwd: ROOT, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * One on-disk embedded store for the whole file: creating a PGlite costs seconds, reopening one
 * much less. The PGlite seed run creates it; the openSystemDatabases tests reopen it.
 */
let embeddedDir: string;

beforeAll(() => {
  embeddedDir = mkdtempSync(join(tmpdir(), 'cf-seed-embedded-'));
});

afterAll(() => {
  rmSync(embeddedDir, { recursive: true, force: true });
});

/** The embedded store as `npm run seed` opens it, or fresh databases on the PostgreSQL server. */
function openSeedDatabases(mode: DbMode): Promise<Pick<TestDatabases, 'dbs' | 'close'>> {
  return mode === 'pglite'
    ? openSystemDatabases({ dataDir: embeddedDir, subgraphNames: NAMES, env: {} })
    : openTestDatabases(mode, NAMES);
}

describe.each(DB_MODES)('seedSystem on %s', (mode) => {
  let databases: Pick<TestDatabases, 'dbs' | 'close'>;
  let dataDir: string;
  const lines: string[] = [];
  let firstFixtures: Fixtures;
  let firstRows: PersonRecord[];
  let firstCounts: Record<string, number>;
  let secondFixtures: Fixtures;
  let secondRows: PersonRecord[];
  let secondCounts: Record<string, number>;
  const seedOnce = () =>
    seedSystem({
      dbs: databases.dbs,
      modules: ALL_SUBGRAPHS,
      count: COUNT,
      seed: SEED,
      asOf: AS_OF,
      dataDir,
      log: (line) => lines.push(line),
    });

  beforeAll(async () => {
    databases = await openSeedDatabases(mode);
    dataDir = mkdtempSync(join(tmpdir(), 'cf-seed-'));
    await seedOnce();
    firstFixtures = readFixtures(dataDir);
    firstRows = await populationRows(databases.dbs.population);
    firstCounts = await tableCounts(databases.dbs);
    await seedOnce();
    secondFixtures = readFixtures(dataDir);
    secondRows = await populationRows(databases.dbs.population);
    secondCounts = await tableCounts(databases.dbs);
  });

  afterAll(async () => {
    await databases?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes fixtures.json with every scenario and three valid ids of persons made for it', () => {
    const persons = generatePersons({ count: COUNT, seed: SEED, asOf: AS_OF });
    const expected = Object.fromEntries(
      SCENARIOS.map((scenario) => [
        scenario,
        persons.filter((p) => p.scenario === scenario).map((p) => p.id),
      ]),
    );
    expect(firstFixtures).toEqual({
      seed: SEED,
      asOf: AS_OF,
      persons: COUNT,
      generatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      scenarios: expected,
      orgs: { consented: CONSENTED_ORG },
    });
    for (const scenario of SCENARIOS) {
      expect(firstFixtures.scenarios[scenario]).toHaveLength(3);
      for (const id of firstFixtures.scenarios[scenario]) {
        expect(validateCitizenId(id)).toEqual({ ok: true, value: id });
      }
    }
  });

  it('stores every generated person in the population register', () => {
    const persons = generatePersons({ count: COUNT, seed: SEED, asOf: AS_OF });
    const expected = persons
      .map((p) => ({
        id: p.id,
        name: p.name,
        gender: p.gender,
        birthDate: p.birthDate,
        householdRegion: p.householdRegion,
        householdAddress: p.householdAddress,
        householdStatus: p.householdStatus,
        registrationIssues: p.registrationIssues,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(firstRows).toEqual(expected);
  });

  it('gives identical population rows, table sizes and fixtures when run twice with the same seed', () => {
    expect(secondRows).toEqual(firstRows);
    expect(secondCounts).toEqual(firstCounts);
    expect(firstCounts['population.persons']).toBe(COUNT);
    expect({ ...secondFixtures, generatedAt: 'x' }).toEqual({ ...firstFixtures, generatedAt: 'x' });
  });

  it('logs one progress line per step', () => {
    const run = lines.slice(0, NAMES.length + 2);
    expect(run[0]).toMatch(
      /^generated 300 synthetic persons \(seed 42, as of 2025-06-30\) in [\d.]+ s$/,
    );
    NAMES.forEach((name, i) => {
      expect(run[i + 1]).toMatch(
        new RegExp(`^seeding ${name}… (300 persons in [\\d.]+ s|migrated, no seed data)$`),
      );
    });
    expect(run[NAMES.length + 1]).toMatch(
      new RegExp(
        `^seeded ${NAMES.length} subgraphs in [\\d.]+ s; example persons in .*fixtures\\.json$`,
      ),
    );
    expect(lines).toHaveLength(2 * (NAMES.length + 2));
  });
});

describe('seedSystem with a probe module', () => {
  let databases: TestDatabases;
  let dataDir: string;
  let migrations: string;

  beforeAll(async () => {
    // A server database is much cheaper to create than another PGlite, when there is a server.
    databases = await openTestDatabases(DB_MODES.includes('postgres') ? 'postgres' : 'pglite', [
      'probe',
    ]);
    dataDir = mkdtempSync(join(tmpdir(), 'cf-seed-probe-'));
    migrations = join(dataDir, 'migrations');
    mkdirSync(migrations);
  });

  afterAll(async () => {
    await databases?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, hands every module the seed day and all persons, and sets no environment', async () => {
    const seen: { asOf?: string; persons: number; schema: number }[] = [];
    const probe: SeedableSubgraph = {
      name: 'probe',
      migrationsDir: migrations,
      async seed(db, persons, { asOf }) {
        const schema = await db.query(
          `SELECT 1 FROM information_schema.tables
           WHERE table_schema = 'probe' AND table_name = 'schema_migrations'`,
        );
        seen.push({ asOf, persons: persons.length, schema: schema.length });
      },
    };
    const environment = { ...process.env };
    const summary = await seedSystem({
      dbs: databases.dbs,
      modules: [probe],
      count: SCENARIOS.length,
      seed: 1,
      asOf: '2024-02-29',
      dataDir,
      log: () => undefined,
    });
    expect(seen).toEqual([{ asOf: '2024-02-29', persons: SCENARIOS.length, schema: 1 }]);
    expect(process.env).toEqual(environment);
    expect(summary.fixturesFile).toBe(join(dataDir, 'fixtures.json'));
    expect(Object.keys(summary.timings).sort()).toEqual(['generate', 'probe', 'total']);
    expect(Object.values(readFixtures(dataDir).scenarios).map((ids) => ids.length)).toEqual(
      Array(SCENARIOS.length).fill(1),
    );
  });

  it('says so when the population is too small for three persons per scenario', async () => {
    const lines: string[] = [];
    await seedSystem({
      dbs: databases.dbs,
      modules: [],
      count: 2 * SCENARIOS.length,
      seed: 1,
      asOf: AS_OF,
      dataDir,
      log: (line) => lines.push(line),
    });
    expect(lines[1]).toBe(
      `note: ${2 * SCENARIOS.length} persons are too few for 3 per scenario; each of the ` +
        `${SCENARIOS.length} scenarios gets 2`,
    );
  });

  it('names the module whose seed failed, and writes no fixtures', async () => {
    const failing = join(dataDir, 'failing');
    const broken: SeedableSubgraph = {
      name: 'probe',
      migrationsDir: migrations,
      seed: () => Promise.reject(new Error('disk full')),
    };
    await expect(
      seedSystem({
        dbs: databases.dbs,
        modules: [broken],
        count: SCENARIOS.length,
        dataDir: failing,
        log: () => undefined,
      }),
    ).rejects.toThrow(
      new Error('seeding probe failed: disk full', { cause: new Error('disk full') }),
    );
    expect(existsSync(failing)).toBe(false);
  });

  it('refuses a module that has no database, before writing anything', async () => {
    const empty = join(dataDir, 'none');
    await expect(
      seedSystem({
        dbs: {},
        modules: [{ name: 'tax', migrationsDir: migrations }],
        dataDir: empty,
        log: () => undefined,
      }),
    ).rejects.toThrow(new Error('no database for subgraph tax'));
    expect(existsSync(empty)).toBe(false);
  });
});

describe('openSystemDatabases', () => {
  it('shares one embedded PGlite under <dataDir>/pglite that keeps its data', async () => {
    const first = await openSystemDatabases({
      dataDir: embeddedDir,
      subgraphNames: ['alpha', 'beta'],
      env: {},
    });
    expect(first.mode).toBe('embedded');
    expect([first.dbs.alpha.kind, first.dbs.beta.kind]).toEqual(['pglite', 'pglite']);
    await first.dbs.alpha.exec(
      'CREATE SCHEMA alpha; CREATE TABLE alpha.t (v int); INSERT INTO alpha.t VALUES (7)',
    );
    // One instance: beta's view sees alpha's schema.
    expect(await first.dbs.beta.query('SELECT v FROM alpha.t')).toEqual([{ v: 7 }]);
    await first.close();
    await first.close();
    expect(existsSync(join(embeddedDir, 'pglite'))).toBe(true);
    const again = await openSystemDatabases({
      dataDir: embeddedDir,
      subgraphNames: ['alpha'],
      env: {},
    });
    expect(await again.dbs.alpha.query('SELECT v FROM alpha.t')).toEqual([{ v: 7 }]);
    await again.close();
  });

  it('names the variable of each subgraph DATABASE_URL_<NAME>', () => {
    expect(databaseUrlVariable('tax')).toBe('DATABASE_URL_TAX');
    expect(databaseUrlVariable('population')).toBe('DATABASE_URL_POPULATION');
    expect(databaseUrlVariable('red-list')).toBe('DATABASE_URL_RED_LIST');
  });

  if (DB_MODES.includes('postgres')) {
    describe('with PostgreSQL server databases', () => {
      let server: TestDatabaseUrls;

      beforeAll(async () => {
        server = await createTestDatabaseUrls(['alpha', 'beta']);
      });

      afterAll(async () => {
        await server?.drop();
      });

      it('uses the server for every subgraph with a URL and opens no PGlite at all', async () => {
        const serverOnly = join(embeddedDir, 'server-only');
        const system = await openSystemDatabases({
          dataDir: serverOnly,
          subgraphNames: ['alpha', 'beta'],
          env: { DATABASE_URL_ALPHA: server.urls.alpha, DATABASE_URL_BETA: server.urls.beta },
        });
        expect(system.mode).toBe('postgres');
        expect([system.dbs.alpha.kind, system.dbs.beta.kind]).toEqual(['postgres', 'postgres']);
        expect(await system.dbs.beta.query('SELECT current_database() AS db')).toEqual([
          { db: new URL(server.urls.beta).pathname.slice(1) },
        ]);
        await system.close();
        expect(existsSync(serverOnly)).toBe(false);
      });

      it('mixes: the server where a URL is set, the shared PGlite for the rest (empty URL = unset)', async () => {
        const system = await openSystemDatabases({
          dataDir: embeddedDir,
          subgraphNames: ['alpha', 'beta', 'gamma'],
          env: { DATABASE_URL_ALPHA: server.urls.alpha, DATABASE_URL_GAMMA: '' },
        });
        expect(system.mode).toBe('embedded');
        expect([system.dbs.alpha.kind, system.dbs.beta.kind, system.dbs.gamma.kind]).toEqual([
          'postgres',
          'pglite',
          'pglite',
        ]);
        // alpha is the server database (no table t there); beta and gamma share the PGlite.
        expect(await system.dbs.gamma.query('SELECT v FROM alpha.t')).toEqual([{ v: 7 }]);
        await expect(system.dbs.alpha.query('SELECT v FROM alpha.t')).rejects.toThrow(
          'relation "alpha.t" does not exist',
        );
        await system.close();
      });

      it('seeds through the CLI into server databases named by DATABASE_URL_<NAME>', async () => {
        // One server database for all: each subgraph keeps to its own schema, and creating
        // databases is the slow part.
        const cli = await createTestDatabaseUrls(['cli']);
        try {
          const env = cleanEnv(
            Object.fromEntries(NAMES.map((name) => [databaseUrlVariable(name), cli.urls.cli])),
          );
          const cliDir = join(embeddedDir, 'cli');
          const result = await runSeedCli(
            ['--persons', '40', '--seed', '7', '--as-of', AS_OF, '--data-dir', cliDir],
            env,
          );
          expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
          expect(result.stdout).toContain(`seed: ${NAMES.length} subgraphs, postgres databases`);
          const fixtures = readFixtures(cliDir);
          expect([fixtures.seed, fixtures.asOf, fixtures.persons]).toEqual([7, AS_OF, 40]);
          expect(existsSync(join(cliDir, 'pglite'))).toBe(false);
          const client = new Client({ connectionString: cli.urls.cli });
          await client.connect();
          const { rows } = await client.query('SELECT count(*)::int AS n FROM population.persons');
          await client.end();
          expect(rows).toEqual([{ n: 40 }]);
        } finally {
          await cli.drop();
        }
      });
    });
  }
});

describe('seedSystem long before the working-day calendar (as of 2019-01-01)', () => {
  let databases: TestDatabases;
  let dataDir: string;

  beforeAll(async () => {
    databases = await openTestDatabases('pglite', NAMES);
    dataDir = mkdtempSync(join(tmpdir(), 'cf-seed-2019-'));
  });

  afterAll(async () => {
    await databases?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds every subgraph without throwing, the due dates it counts marked provisional', async () => {
    const summary = await seedSystem({
      dbs: databases.dbs,
      modules: ALL_SUBGRAPHS,
      count: SCENARIOS.length,
      seed: 7,
      asOf: '2019-01-01',
      dataDir,
      log: () => undefined,
    });
    expect(summary.fixtures.asOf).toBe('2019-01-01');
    const objections = await databases.dbs.credit.query<{
      filedOn: string;
      dueOn: string;
      provisional: boolean;
    }>(
      `SELECT to_char(filed_on, 'YYYY-MM-DD') AS "filedOn", to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
         due_on_provisional AS provisional FROM credit.objections ORDER BY filed_on`,
    );
    // under_objection filed 5 days before, objection_upheld 20 days before: 2018 is not in the
    // calendar, so weekends and fixed-date holidays (元旦 2019-01-01) are assumed.
    expect(objections).toEqual([
      { filedOn: '2018-12-12', dueOn: '2019-01-03', provisional: true },
      { filedOn: '2018-12-27', dueOn: '2019-01-18', provisional: true },
    ]);
  });
});

describe('seed CLI', () => {
  // Every message is unit-tested in parse-seed-args.test.ts; here only how the process ends.
  it('exits with status 2 and a clear message for a bad value', async () => {
    const result = await runSeedCli(['--persons', '0'], cleanEnv());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'seed: --persons must be a positive whole number, got "0"\n' +
        'Run `npm run seed -- --help` for the options.\n',
    });
  });

  it('prints the usage for --help', async () => {
    const result = await runSeedCli(['--help'], cleanEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run seed -- [options]');
    expect(result.stdout).toContain('--persons N');
  });
});
