/**
 * `npm run bench -- --memory [--queries 10000] [--persons 1000] [--concurrency 16]`: resident
 * memory of the embedded default (every subgraph, the gateway and PGlite in this one process,
 * audit and limits on) after a number of profile queries, each about another person in turn
 * (docs/BENCHMARKS.md). The data is seeded by `npm run seed` in a process of its own first, so
 * this one is a later start, as `npm start` is on every day but the first. Prints the RSS after
 * start, every 2,000 queries and at the end, the largest RSS seen (sampled every 100 ms), and the
 * load average.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openKeyStore } from '../lib/auth/key-store';
import { signUserToken } from '../lib/auth/user-token';
import { benchLimits } from './lib/bench-limits';
import { startSystem } from './lib/start-system';

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level breakdown { catalogCode points } sources { dept stale } } }
}`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function bounded(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new Error(`--${name} must be an integer from 1 to ${max}`);
  }
  return parsed;
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const { values } = parseArgs({
    options: {
      memory: { type: 'boolean' },
      queries: { type: 'string' },
      persons: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const queries = bounded('queries', values.queries, 10_000, 1_000_000);
  const persons = bounded('persons', values.persons, 1000, 20_000);
  const concurrency = bounded('concurrency', values.concurrency, 16, 256);
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-memory-'));
  const seeding = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'seed.ts'),
      '--persons',
      String(persons),
      '--data-dir',
      dataDir,
    ],
    { stdio: 'inherit' },
  );
  if (seeding.status !== 0) throw new Error(`seeding failed (exit ${seeding.status})`);
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const system = await startSystem({
      dataDir,
      gatewayPort: 0,
      log: () => {},
      // Every limit on, as `npm start` has them, but for the one identity's rate budget.
      limits: benchLimits(),
    });
    try {
      console.log(`started (${persons} persons): RSS ${megabytes(process.memoryUsage.rss())}`);
      const keys = openKeyStore(dataDir);
      const token = await signUserToken(
        { sub: 'memory-bench', clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
        { key: (await keys.keyPair('user-token')).privateKey },
      );
      const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
        scenarios: Record<string, string[]>;
      };
      const ids = [...new Set(Object.values(fixtures.scenarios).flat())];
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'ADMIN_LICENSING',
        'x-case-ref': 'MEMORY-0001',
      };
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < queries) {
            const i = next;
            next += 1;
            const response = await fetch(system.gatewayUrl, {
              method: 'POST',
              headers,
              body: JSON.stringify({ query: PROFILE, variables: { id: ids[i % ids.length] } }),
            });
            const body = (await response.json()) as { errors?: unknown[] };
            if (response.status !== 200 || body.errors) {
              throw new Error(`query ${i} failed: ${JSON.stringify(body).slice(0, 300)}`);
            }
            if ((i + 1) % 2000 === 0) {
              console.log(`${i + 1} queries: RSS ${megabytes(process.memoryUsage.rss())}`);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `after ${queries} queries (${(queries / seconds).toFixed(0)} req/s): RSS ` +
          `${megabytes(process.memoryUsage.rss())}, largest seen ${megabytes(peak)}; ` +
          `load average ${loadavg()
            .map((value) => value.toFixed(2))
            .join(' ')}`,
      );
    } finally {
      await system.stop();
    }
  } finally {
    clearInterval(sampler);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
