/**
 * `npm run figures:busy-hour`: N clients at once on the credit profile query, each an NDRC officer
 * of its own, for a number of rounds; prints how many answers came back without their data (the
 * goal is 0: queueing is fine, losing data is not), throughput and latency percentiles. The
 * system runs on the embedded default, or with `--postgres` on one PostgreSQL database per
 * subgraph (created on the server `PG_ADMIN_URL`, default postgres://postgres@127.0.0.1:5432/
 * postgres, and dropped afterwards).
 *
 *   npm run figures:busy-hour -- [--clients 500] [--rounds 3] [--persons 1000] [--postgres]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { openKeyStore } from '../lib/auth/key-store';
import { signUserToken } from '../lib/auth/user-token';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { startSystem } from './lib/start-system';
import { databaseUrlVariable } from './lib/system-databases';

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level breakdown { catalogCode points } sources { dept stale } } }
}`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

/** One empty database per subgraph on the server, and how to drop them. */
async function serverDatabases(adminUrl: string) {
  const prefix = `cf_busy_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const names = [...new Set([...ALL_SUBGRAPHS.map((m) => m.name), 'audit'])];
  const env: Record<string, string> = {};
  for (const name of names) {
    await admin.query(`CREATE DATABASE ${prefix}_${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${prefix}_${name}`;
    env[databaseUrlVariable(name)] = url.toString();
  }
  return {
    env,
    async drop() {
      for (const name of names)
        await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      rounds: { type: 'string' },
      persons: { type: 'string' },
      postgres: { type: 'boolean' },
    },
  });
  const clients = positive('clients', values.clients, 500);
  const rounds = positive('rounds', values.rounds, 3);
  const persons = positive('persons', values.persons, 1000);
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-busy-'));
  const server = values.postgres
    ? await serverDatabases(
        process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      )
    : undefined;
  const topology = server ? 'PostgreSQL, one database per subgraph' : 'embedded PGlite';
  console.error(`seeding ${persons} persons (${topology}) …`);
  const system = await startSystem({
    dataDir,
    gatewayPort: 0,
    seedPersons: persons,
    env: { ...process.env, ...server?.env, REDIS_URL: '' },
    log: () => {},
  });
  try {
    const { privateKey } = await openKeyStore(dataDir).keyPair('user-token');
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    const ids = Object.values(fixtures.scenarios).flat();
    const tokens = await Promise.all(
      Array.from({ length: clients }, (_, n) =>
        signUserToken(
          { sub: `officer-ndrc-${n}`, clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
          { key: privateKey },
        ),
      ),
    );
    const ask = async (n: number) => {
      const started = performance.now();
      try {
        const response = await fetch(system.gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[n]}`,
            'x-purpose': 'ADMIN_LICENSING',
            'x-case-ref': `BUSY-${n}`,
          },
          body: JSON.stringify({ query: PROFILE, variables: { id: ids[n % ids.length] } }),
        });
        const body = (await response.json()) as {
          data?: { person?: { creditProfile?: unknown } | null };
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        const ok = response.status === 200 && !body.errors && body.data?.person?.creditProfile;
        const problem = ok
          ? undefined
          : `${response.status} ${body.errors?.[0]?.extensions?.code ?? ''} ${body.errors?.[0]?.message ?? 'no data'}`;
        return { ms: performance.now() - started, problem };
      } catch (error) {
        return { ms: performance.now() - started, problem: `request failed: ${String(error)}` };
      }
    };
    // Warm-up: one small round, not counted.
    await Promise.all(Array.from({ length: Math.min(clients, 50) }, (_, n) => ask(n)));
    const latencies: number[] = [];
    const problems = new Map<string, number>();
    const started = performance.now();
    for (let round = 1; round <= rounds; round += 1) {
      const answers = await Promise.all(Array.from({ length: clients }, (_, n) => ask(n)));
      for (const answer of answers) {
        latencies.push(answer.ms);
        if (answer.problem) problems.set(answer.problem, (problems.get(answer.problem) ?? 0) + 1);
      }
      const failed = answers.filter((answer) => answer.problem).length;
      console.error(`round ${round}: ${clients - failed}/${clients} with their data`);
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
    const errors = [...problems.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `${topology}: ${clients} concurrent clients × ${rounds} rounds = ${latencies.length} profile queries, ` +
        `${errors} without their data; ${(latencies.length / seconds).toFixed(0)} req/s, ` +
        `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms; ` +
        `load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
    );
    for (const [problem, count] of problems) console.log(`  ${count} × ${problem.slice(0, 200)}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await system.stop();
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
