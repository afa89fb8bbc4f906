/**
 * `npm run bench -- --peers`: this gateway against its peers, in one run on this machine
 * (docs/BENCHMARKS.md). The subgraphs run on the PostgreSQL server (databases created for the
 * run and dropped after), in two topologies measured one after the other: all in one process,
 * then each in its own process as in production (`--topology one|separate|both`, default both).
 * Each gateway runs in its own process:
 *   (a) this gateway, everything on (policy, request limits, audit),
 *   (b) this gateway with audit and request limits off (the policy stays on),
 *   (c) @apollo/gateway with this project's keep-alive fetcher, no security of its own,
 *   (d) Hive Gateway (defaults), no security of its own,
 *   (e) no gateway: the two subgraph calls of the profile query made directly.
 * The peers (c, d) and the direct calls attach the internal context token every subgraph
 * requires, signed per fetch, so the subgraphs (shields, resolver logs) do the same work for
 * all. Queries: the credit profile an NDRC officer reads, a distinct person per request, and a
 * deep query of a citizen about themself crossing every subgraph. Each round runs every
 * configuration once (interleaved), at concurrency 1 and at concurrency N; figures are
 * min/median/max over the rounds, CPU ms per request per process from /proc, and the load
 * average; CPU of the subgraphs is summed over their processes. With `--write` the tables in
 * docs/BENCHMARKS.md between the peer-table markers are replaced (one per topology measured).
 *
 *   npm run bench -- --peers [--topology one|separate|both] [--persons 1000] [--requests 600]
 *     [--rounds 3] [--concurrency 16] [--only a,b,c,d,e] [--profile <dir>] [--write]
 * `--profile <dir>` has every child process write a V8 CPU profile (.cpuprofile) there on exit.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { Caller, CallerIdentity } from '../lib/auth/caller';
import {
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../lib/auth/internal-token';
import { openKeyStore } from '../lib/auth/key-store';
import { signUserToken } from '../lib/auth/user-token';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { startSystem } from './lib/start-system';
import { databaseUrlVariable } from './lib/system-databases';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHILD = join(__dirname, 'lib', 'bench-peer-child.ts');

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level breakdown { catalogCode points } sources { dept stale } } }
}`;
const DEEP = `query Deep($id: ID!) {
  person(id: $id) {
    id name householdStatus
    tax { __typename } court { __typename } market { __typename } education { __typename }
    creditProfile { score level breakdown { recordId points reason } sources { dept stale } }
    creditRecords { id catalogCode title status }
  }
}`;
const DIRECT_POPULATION = `query ($id: ID!) { person(id: $id) { id householdStatus } }`;
const DIRECT_CREDIT = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { creditProfile { score level breakdown { catalogCode points } sources { dept stale } } } } }`;

type QueryName = 'profile' | 'deep';
/** Where the subgraphs run: all in one process, or each in its own (as in production). */
type Topology = 'one' | 'separate';
const TOPOLOGY_LABELS: Record<Topology, string> = {
  one: 'subgraphs in one process',
  separate: 'each subgraph in its own process',
};
const CONFIGS = ['a', 'b', 'c', 'd', 'e'] as const;
type Config = (typeof CONFIGS)[number];
const LABELS: Record<Config, string> = {
  a: '(a) this gateway, everything on',
  b: '(b) this gateway, audit and limits off',
  c: '(c) @apollo/gateway + keep-alive fetcher, no security',
  d: '(d) Hive Gateway (defaults), no security',
  e: '(e) direct subgraph calls, no gateway',
};
const ROLE: Record<Exclude<Config, 'e'>, string> = {
  a: 'gateway',
  b: 'gateway-bare',
  c: 'apollo',
  d: 'hive',
};

interface Child {
  process: ChildProcess;
  ready: Record<string, unknown> & { url: string };
}

function positive(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new Error(`--${name} must be an integer from 1 to ${max}`);
  }
  return parsed;
}

/**
 * Starts a child role and waits for its READY line (at most 180 s); with `profileDir`, the child
 * writes a V8 CPU profile there when it stops.
 */
function startChild(role: string, settings: object, profileDir?: string): Promise<Child> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', CHILD, role], {
    env: { ...process.env, BENCH_PEER: JSON.stringify(settings), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} did not start in 180 s`)), 180_000);
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before READY`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!line.startsWith('READY ')) return;
      clearTimeout(timer);
      resolve({ process: child, ready: JSON.parse(line.slice(6)) });
    });
  });
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  await exited;
}

/** CPU ticks (user + system) so far of a process, or of several together, from /proc/<pid>/stat. */
function cpuTicks(pid: number | undefined | readonly (number | undefined)[]): number {
  if (Array.isArray(pid)) return pid.reduce((sum: number, one) => sum + cpuTicks(one), 0);
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
const TICK_MS = 10; // CLK_TCK is 100 on Linux

interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: Record<string, number>;
}

async function measure(
  send: (i: number) => Promise<void>,
  requests: number,
  concurrency: number,
  processes: Record<string, number | undefined | readonly (number | undefined)[]>,
): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const before = Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, cpuTicks(p)]));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next;
        next += 1;
        const began = performance.now();
        await send(i);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  return {
    requestsPerSecond: requests / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
    cpuMsPerRequest: Object.fromEntries(
      Object.entries(processes).map(([k, p]) => [
        k,
        ((cpuTicks(p) - before[k]) * TICK_MS) / requests,
      ]),
    ),
  };
}

async function postJson(
  url: string,
  body: object,
  headers: Record<string, string>,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200 || json.errors) {
    throw new Error(`${url}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  }
  return json;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) ?? 0 };
};
const triple = (values: number[], digits = 0) => {
  const { min, median, max } = stats(values);
  return `${median.toFixed(digits)} (${min.toFixed(digits)}-${max.toFixed(digits)})`;
};

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const { values } = parseArgs({
    options: {
      peers: { type: 'boolean' },
      persons: { type: 'string' },
      requests: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      write: { type: 'boolean' },
      only: { type: 'string' },
      topology: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const persons = positive('persons', values.persons, 1000, 20_000);
  const requests = positive('requests', values.requests, 600, 100_000);
  const rounds = positive('rounds', values.rounds, 3, 20);
  const concurrency = positive('concurrency', values.concurrency, 16, 256);
  const topology = values.topology ?? 'both';
  if (topology !== 'one' && topology !== 'separate' && topology !== 'both') {
    throw new Error('--topology must be one, separate or both');
  }
  const topologies: Topology[] = topology === 'both' ? ['one', 'separate'] : [topology];
  const configs = (values.only?.split(',') ?? [...CONFIGS]).filter((c): c is Config =>
    (CONFIGS as readonly string[]).includes(c),
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'cf-peers-'));
  const prefix = `cf_peers_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const names = ALL_SUBGRAPHS.map((module) => module.name);
  const databaseEnv: Record<string, string> = {};
  const children: Child[] = [];
  try {
    for (const name of names) {
      await admin.query(`CREATE DATABASE ${prefix}_${name}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${prefix}_${name}`;
      databaseEnv[databaseUrlVariable(name)] = url.toString();
    }
    console.log(`seeding ${persons} persons into PostgreSQL databases ${prefix}_* …`);
    const seeding = await startSystem({
      dataDir,
      env: { ...process.env, ...databaseEnv },
      gatewayPort: 0,
      seedPersons: persons,
      log: () => {},
    });
    await seeding.stop();

    const keys = openKeyStore(dataDir);
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    const ids = [...new Set(Object.values(fixtures.scenarios).flat())];
    const officer: CallerIdentity = {
      sub: 'bench',
      clientType: 'officer',
      dept: 'NDRC',
      roles: ['officer'],
    };
    const officerCaller: Caller = {
      ...officer,
      purpose: 'ADMIN_LICENSING',
      caseRef: 'BENCH-0001',
      consents: [],
    };
    const userKey = (await keys.keyPair('user-token')).privateKey;
    const internalKey = (await keys.keyPair('gateway-internal')).privateKey;
    const officerToken = await signUserToken(officer, { key: userKey });
    const citizenTokens = new Map<string, string>();
    const citizenToken = async (id: string) => {
      let token = citizenTokens.get(id);
      if (!token) {
        token = await signUserToken(
          { sub: `citizen-${id}`, clientType: 'citizen', roles: [], personId: id },
          { key: userKey },
        );
        citizenTokens.set(id, token);
      }
      return token;
    };
    const citizenCaller = (id: string): Caller => ({
      sub: `citizen-${id}`,
      clientType: 'citizen',
      roles: [],
      personId: id,
      purpose: 'SELF_QUERY',
      consents: [],
    });
    const internal = async (subgraph: string, caller: Caller) => ({
      [INTERNAL_CONTEXT_HEADER]: await signInternalToken(caller, {
        audience: subgraph,
        requestId: randomUUID(),
        issuer: GATEWAY_ISSUER,
        key: internalKey,
      }),
    });

    /** Starts the subgraphs of `topology`; each subgraph's URL and the processes they run in. */
    const startSubgraphs = async (topology: Topology) => {
      if (topology === 'one') {
        const all = await startChild('subgraphs', { dataDir, databaseEnv }, values.profile);
        children.push(all);
        return { urls: all.ready.subgraphs as Record<string, string>, pids: [all.process.pid] };
      }
      // As in production: one process per subgraph, the credit platform last (its collector
      // reads the departments' feeds from the URLs they started on).
      const urls: Record<string, string> = {};
      const pids: (number | undefined)[] = [];
      const start = async (name: string) => {
        const child = await startChild(
          'subgraph',
          { dataDir, databaseEnv, subgraph: name, subgraphUrls: { ...urls } },
          values.profile,
        );
        children.push(child);
        urls[name] = child.ready.url;
        pids.push(child.process.pid);
      };
      await Promise.all(names.filter((name) => name !== 'credit').map(start));
      await start('credit');
      return { urls, pids };
    };

    const sections: string[] = [];
    for (const topology of topologies) {
      console.log(`starting the subgraphs (${TOPOLOGY_LABELS[topology]}) and the gateways …`);
      const started = children.length;
      const subgraphs = await startSubgraphs(topology);
      const subgraphUrls = subgraphs.urls;
      const gateways: Partial<Record<Config, Child>> = {};
      for (const config of configs) {
        if (config === 'e') continue;
        try {
          gateways[config] = await startChild(
            ROLE[config],
            { dataDir, databaseEnv, subgraphUrls },
            values.profile,
          );
          children.push(gateways[config] as Child);
        } catch (error) {
          console.log(`${LABELS[config]}: not measured (${(error as Error).message})`);
        }
      }
      /** One request of `query` about person `i` to configuration `config`. */
      const sender = (config: Config, query: QueryName) => async (i: number) => {
        const id = ids[i % ids.length];
        if (config === 'e') {
          const caller = officerCaller;
          await postJson(
            subgraphUrls.population,
            { query: DIRECT_POPULATION, variables: { id } },
            await internal('population', caller),
          );
          await postJson(
            subgraphUrls.credit,
            { query: DIRECT_CREDIT, variables: { r: [{ __typename: 'Person', id }] } },
            await internal('credit', caller),
          );
          return;
        }
        const url = (gateways[config] as Child).ready.url;
        const citizen = query === 'deep';
        const headers: Record<string, string> =
          config === 'a' || config === 'b'
            ? citizen
              ? { authorization: `Bearer ${await citizenToken(id)}` }
              : {
                  authorization: `Bearer ${officerToken}`,
                  'x-purpose': 'ADMIN_LICENSING',
                  'x-case-ref': 'BENCH-0001',
                }
            : { 'x-bench-caller': JSON.stringify(citizen ? citizenCaller(id) : officerCaller) };
        await postJson(url, { query: citizen ? DEEP : PROFILE, variables: { id } }, headers);
      };

      const measured = configs.filter((c) => c === 'e' || gateways[c]);
      const queries: QueryName[] = ['profile', 'deep'];
      const results = new Map<string, Sample[]>();
      const key = (config: Config, query: QueryName, c: number) => `${config}|${query}|${c}`;
      let offset = 0;
      for (let round = 1; round <= rounds; round += 1) {
        for (const query of queries) {
          for (const config of measured) {
            if (config === 'e' && query === 'deep') continue;
            const processes = {
              gateway: config === 'e' ? undefined : gateways[config]?.process.pid,
              subgraphs: subgraphs.pids,
              client: process.pid,
            };
            const send = sender(config, query);
            await measure((i) => send(offset + i), 50, concurrency, processes); // warm-up
            offset += 50;
            for (const c of [1, concurrency]) {
              const count = c === 1 ? Math.max(50, Math.floor(requests / 4)) : requests;
              const sample = await measure((i) => send(offset + i), count, c, processes);
              offset += count;
              const list = results.get(key(config, query, c)) ?? [];
              list.push(sample);
              results.set(key(config, query, c), list);
            }
          }
        }
        console.log(`round ${round} of ${rounds} done; load average ${loadavg()[0].toFixed(2)}`);
      }

      const load = loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
      const lines: string[] = [];
      for (const query of queries) {
        lines.push(
          '',
          `${query === 'profile' ? 'Profile query (NDRC officer, a distinct person per request)' : 'Deep query (a citizen about themself, every subgraph)'}:`,
          '',
          `| configuration | req/s at ${concurrency} | p50 at 1 (ms) | p99 at 1 (ms) | p50 at ${concurrency} (ms) | p99 at ${concurrency} (ms) | CPU ms/req gateway | CPU ms/req subgraphs |`,
          '| --- | --- | --- | --- | --- | --- | --- | --- |',
        );
        for (const config of measured) {
          const busy = results.get(key(config, query, concurrency));
          const alone = results.get(key(config, query, 1));
          if (!busy || !alone) continue;
          lines.push(
            `| ${LABELS[config]} | ${triple(busy.map((s) => s.requestsPerSecond))} | ${triple(
              alone.map((s) => s.p50),
              1,
            )} | ${triple(
              alone.map((s) => s.p99),
              1,
            )} | ${triple(
              busy.map((s) => s.p50),
              1,
            )} | ${triple(
              busy.map((s) => s.p99),
              1,
            )} | ${
              config === 'e'
                ? '-'
                : triple(
                    busy.map((s) => s.cpuMsPerRequest.gateway),
                    2,
                  )
            } | ${triple(
              busy.map((s) => s.cpuMsPerRequest.subgraphs),
              2,
            )} |`,
          );
        }
        const median = (config: Config, c: number, pick: (s: Sample) => number) => {
          const list = results.get(key(config, query, c));
          return list ? stats(list.map(pick)).median : undefined;
        };
        const ratio = (x?: number, y?: number) =>
          x !== undefined && y !== undefined ? (x / y).toFixed(2) : 'n/a';
        lines.push(
          '',
          `Ratios (medians): p50 at 1 (a)/(c) ${ratio(
            median('a', 1, (s) => s.p50),
            median('c', 1, (s) => s.p50),
          )}; ` +
            `req/s at ${concurrency} (a)/(c) ${ratio(
              median('a', concurrency, (s) => s.requestsPerSecond),
              median('c', concurrency, (s) => s.requestsPerSecond),
            )}, ` +
            `(a)/(d) ${ratio(
              median('a', concurrency, (s) => s.requestsPerSecond),
              median('d', concurrency, (s) => s.requestsPerSecond),
            )}, ` +
            `(a)/(b) ${ratio(
              median('a', concurrency, (s) => s.requestsPerSecond),
              median('b', concurrency, (s) => s.requestsPerSecond),
            )}.`,
        );
      }
      const heading =
        `### ${TOPOLOGY_LABELS[topology][0].toUpperCase()}${TOPOLOGY_LABELS[topology].slice(1)}\n\n` +
        `${rounds} interleaved rounds; ${requests} requests at concurrency ${concurrency} and ` +
        `${Math.max(50, Math.floor(requests / 4))} at concurrency 1 per configuration and round; ` +
        `${persons} persons; ${TOPOLOGY_LABELS[topology]} on PostgreSQL; load average at the end ${load}.`;
      sections.push([heading, ...lines].join('\n'));
      console.log(`\n${sections.at(-1)}\n`);
      // The next topology's processes start on a machine these no longer load.
      for (const child of children.splice(started).reverse()) await stopChild(child);
    }
    const table = sections.join('\n\n');
    if (values.write) {
      const path = join(__dirname, '..', 'docs', 'BENCHMARKS.md');
      const doc = readFileSync(path, 'utf8');
      const begin = '<!-- peer-table:begin -->';
      const end = '<!-- peer-table:end -->';
      const from = doc.indexOf(begin);
      const to = doc.indexOf(end);
      if (from < 0 || to < from) throw new Error(`docs/BENCHMARKS.md has no ${begin} … ${end}`);
      writeFileSync(path, `${doc.slice(0, from + begin.length)}\n${table}\n${doc.slice(to)}`);
      console.log('\nrewrote the peer table in docs/BENCHMARKS.md');
    }
  } finally {
    for (const child of children.reverse()) await stopChild(child).catch(() => undefined);
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name} WITH (FORCE)`);
    }
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
