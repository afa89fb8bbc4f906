/**
 * `npm run bench`: throughput of the credit profile query through the gateway in three settings,
 * measured in one run on this machine (each round runs all three, so drift hits every one):
 *   - audit off (request limits on),
 *   - audit on, request limits on (the default),
 *   - audit on, request limits off (the request gate skipped: no rate limits, operation limits,
 *     safelist or text checks).
 * It prints the audit's cost (on/off with limits on) and the limits' cost (on/off with the audit
 * on), and counts SQL statements per request per subgraph, to show batching. With limits on the
 * rate budgets are raised so one benchmark client is not throttled: the buckets are still taken
 * from on every request, so their cost is measured.
 *
 *   npm run bench -- [--persons 1000] [--requests 2000] [--concurrency 16] [--rounds 2]
 *   npm run bench -- --peers …   (this gateway against its peers: scripts/bench-peers.ts)
 *   npm run bench -- --memory …  (RSS after many queries: scripts/bench-memory.ts)
 *   npm run bench -- --floor …   (one subgraph call's pieces at concurrency 1: scripts/bench-floor.ts)
 */
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

/** One setting of the system under benchmark. */
interface Variant {
  name: string;
  audit: boolean;
  limits: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'audit off, limits on ', audit: false, limits: true },
  { name: 'audit on,  limits on ', audit: true, limits: true },
  { name: 'audit on,  limits off', audit: true, limits: false },
];

interface RoundResult {
  variant: Variant;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  statementsPerRequest: Record<string, number>;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

async function runRound(
  dataDir: string,
  variant: Variant,
  requests: number,
  concurrency: number,
): Promise<RoundResult> {
  const system = await startSystem({
    dataDir,
    gatewayPort: 0,
    audit: variant.audit,
    limits: variant.limits ? benchLimits() : false,
    log: () => {},
  });
  try {
    const keys = openKeyStore(dataDir);
    const token = await signUserToken(
      { sub: 'bench', clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
      { key: (await keys.keyPair('user-token')).privateKey },
    );
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    const ids = Object.values(fixtures.scenarios).flat();
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-purpose': 'ADMIN_LICENSING',
      'x-case-ref': 'BENCH-0001',
    };
    const one = async (i: number) => {
      const started = performance.now();
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: PROFILE, variables: { id: ids[i % ids.length] } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors) {
        throw new Error(`request failed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
      return performance.now() - started;
    };
    const run = async (count: number) => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const i = next;
            next += 1;
            latencies.push(await one(i));
          }
        }),
      );
      return latencies;
    };
    await run(Math.min(300, requests)); // warm up JIT, pools and caches
    const before = Object.fromEntries(system.subgraphs.map((s) => [s.name, s.db.statements]));
    const started = performance.now();
    const latencies = await run(requests);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      variant,
      requestsPerSecond: requests / seconds,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)],
      p95Ms: latencies[Math.floor(latencies.length * 0.95)],
      statementsPerRequest: Object.fromEntries(
        system.subgraphs.map((s) => [s.name, (s.db.statements - before[s.name]) / requests]),
      ),
    };
  } finally {
    await system.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--peers')) {
    await import('./bench-peers');
    return;
  }
  if (process.argv.includes('--memory')) {
    await import('./bench-memory');
    return;
  }
  if (process.argv.includes('--floor')) {
    await import('./bench-floor');
    return;
  }
  // The figures are the output: a JSON line per request and service would bury them.
  process.env.LOG_LEVEL ??= 'warn';
  const { values } = parseArgs({
    options: {
      persons: { type: 'string' },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
      rounds: { type: 'string' },
    },
  });
  const persons = positive('persons', values.persons, 1000);
  const requests = positive('requests', values.requests, 2000);
  const concurrency = positive('concurrency', values.concurrency, 16);
  const rounds = positive('rounds', values.rounds, 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  try {
    console.log(`seeding ${persons} persons into ${dataDir} …`);
    const seeding = await startSystem({
      dataDir,
      gatewayPort: 0,
      seedPersons: persons,
      log: () => {},
    });
    await seeding.stop();
    const results: RoundResult[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      for (const variant of VARIANTS) {
        const result = await runRound(dataDir, variant, requests, concurrency);
        results.push(result);
        console.log(
          `round ${round} ${variant.name}: ${result.requestsPerSecond.toFixed(0)} req/s, ` +
            `p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms`,
        );
      }
    }
    const mean = (variant: Variant) => {
      const chosen = results.filter((r) => r.variant === variant);
      return chosen.reduce((sum, r) => sum + r.requestsPerSecond, 0) / chosen.length;
    };
    const [auditOff, both, limitsOff] = VARIANTS.map(mean);
    console.log(
      `\nprofile query, ${requests} requests × ${rounds} rounds, concurrency ${concurrency}, ` +
        `load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
    );
    console.log(`audit off: ${auditOff.toFixed(0)} req/s   audit on: ${both.toFixed(0)} req/s`);
    console.log(`audit ratio on/off: ${(both / auditOff).toFixed(3)} (target ≥ 0.85)`);
    console.log(`limits off: ${limitsOff.toFixed(0)} req/s   limits on: ${both.toFixed(0)} req/s`);
    console.log(`limits ratio on/off: ${(both / limitsOff).toFixed(3)}`);
    const last = results[results.length - 1].statementsPerRequest;
    console.log(
      `SQL statements per request: ${Object.entries(last)
        .map(([name, count]) => `${name} ${count.toFixed(2)}`)
        .join(', ')}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
