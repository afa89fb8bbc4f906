/**
 * `npm run figures:import`: rows per second of `npm run import` for a file of AMR penalties in the
 * 双公示 columns, and the import process's peak RSS above an idle process, on the embedded PGlite
 * and on the PostgreSQL server (one database per subgraph, created on PG_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards). Each round imports a fresh
 * file (new decision numbers) into each store in turn, so drift on a shared machine hits both.
 * The import runs as its own process, as a clerk runs it; its RSS is sampled from /proc. The
 * system (gateway, subgraphs and, on the embedded store, PGlite) runs in this process: its
 * resident memory before and after each import is reported too, with the load average.
 *
 *   npm run figures:import -- [--rows 100000] [--rounds 1] [--stores pglite,postgres] [--xlsx]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { openKeyStore } from '../lib/auth/key-store';
import { signUserToken } from '../lib/auth/user-token';
import { findDecisionKind } from '../lib/decision-kinds';
import type { DecisionKind } from '../lib/decision-kinds';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { sampleDecisionRows } from './import/sample-decision-rows';
import { writeSampleCsv } from './import/write-sample-csv';
import { writeSampleXlsx } from './import/write-sample-xlsx';
import { startSystem } from './lib/start-system';
import { databaseUrlVariable } from './lib/system-databases';

type Store = 'pglite' | 'postgres';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer`);
  return parsed;
}

/** Peak resident set (VmHWM) of a running process in bytes, from /proc; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a node process with tsx, sampling its peak RSS every 50 ms; resolves when it exits. */
function runSampled(args: string[], env: NodeJS.ProcessEnv, sampleAfterMs?: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; peak: number }>(
    (resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env });
      let stdout = '';
      let stderr = '';
      let peak = 0;
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setInterval(() => {
        peak = Math.max(peak, peakRss(child.pid ?? 0));
      }, 50);
      if (sampleAfterMs !== undefined) {
        setTimeout(() => {
          peak = peakRss(child.pid ?? 0);
          child.kill();
        }, sampleAfterMs);
      }
      child.on('exit', (code) => {
        clearInterval(timer);
        resolve({ code, stdout, stderr, peak });
      });
    },
  );
}

async function serverDatabases(adminUrl: string) {
  const prefix = `cf_import_${randomBytes(4).toString('hex')}`;
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

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      rounds: { type: 'string' },
      stores: { type: 'string' },
      xlsx: { type: 'boolean' },
    },
  });
  const rows = positive('rows', values.rows, 100_000);
  const rounds = positive('rounds', values.rounds, 1);
  const stores = (values.stores ?? 'pglite,postgres').split(',') as Store[];
  const penalties = findDecisionKind('AMR', 'penalties') as DecisionKind;
  const work = mkdtempSync(join(tmpdir(), 'cf-import-figures-'));
  const results: {
    store: Store;
    round: number;
    rowsPerSecond: number;
    peakAboveIdle: number;
    systemRss: [number, number];
    load: [number, number];
    summary: string;
  }[] = [];
  const idle = await runSampled(
    [
      '-e',
      "require('./lib/import/import-file'); require('./lib/import/gateway-import-client'); setTimeout(() => {}, 60000)",
    ],
    process.env,
    3000,
  );
  console.error(`idle process (node, tsx, the import modules loaded): peak RSS ${mb(idle.peak)}`);
  const systems = new Map<Store, { url: string; token: string; stop(): Promise<void> }>();
  try {
    for (const store of stores) {
      const dataDir = join(work, `data-${store}`);
      const server =
        store === 'postgres'
          ? await serverDatabases(
              process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
            )
          : undefined;
      const system = await startSystem({
        dataDir,
        gatewayPort: 0,
        seedPersons: 200,
        env: { ...process.env, ...server?.env, REDIS_URL: '' },
        log: () => {},
      });
      const { privateKey } = await openKeyStore(dataDir).keyPair('user-token');
      const token = await signUserToken(
        { sub: 'import-amr', clientType: 'system', dept: 'AMR', roles: [] },
        { key: privateKey },
      );
      systems.set(store, {
        url: system.gatewayUrl,
        token,
        async stop() {
          await system.stop();
          await server?.drop();
        },
      });
    }
    for (let round = 1; round <= rounds; round += 1) {
      for (const store of stores) {
        const system = systems.get(store);
        if (!system) continue;
        const file = join(work, `penalties-${store}-${round}.${values.xlsx ? 'xlsx' : 'csv'}`);
        const table = sampleDecisionRows(penalties, {
          count: rows,
          series: `F${store[0]}${round}`,
          persons: 200,
        });
        if (values.xlsx) await writeSampleXlsx(file, table);
        else await writeSampleCsv(file, table);
        console.error(
          `round ${round}, ${store}: importing ${rows} rows (load ${loadavg()[0].toFixed(2)}) …`,
        );
        const loadBefore = loadavg()[0];
        const rssBefore = process.memoryUsage().rss;
        const started = performance.now();
        const run = await runSampled(
          [
            'scripts/import.ts',
            '--dept',
            'AMR',
            '--kind',
            'penalties',
            '--gateway',
            system.url,
            '--quiet',
            file,
          ],
          { ...process.env, IMPORT_TOKEN: system.token },
        );
        const seconds = (performance.now() - started) / 1000;
        if (run.code !== 0) throw new Error(`import exited ${run.code}: ${run.stderr.slice(-500)}`);
        results.push({
          store,
          round,
          rowsPerSecond: rows / seconds,
          peakAboveIdle: run.peak - idle.peak,
          systemRss: [rssBefore, process.memoryUsage().rss],
          load: [loadBefore, loadavg()[0]],
          summary: run.stdout.trim().split('\n')[0],
        });
        console.error(
          `  ${run.stdout.trim().split('\n')[0]}; peak RSS ${mb(run.peak)} (${mb(run.peak - idle.peak)} above idle); ` +
            `system RSS ${mb(rssBefore)} -> ${mb(process.memoryUsage().rss)}; load ${loadavg()[0].toFixed(2)}`,
        );
      }
    }
  } finally {
    for (const system of systems.values()) await system.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nnpm run import, ${rows} AMR penalties (${values.xlsx ? 'XLSX' : 'CSV'}, 双公示 columns), ${rounds} round(s), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    '| store | rows/s min | median | max | import peak RSS above idle (max) | system RSS before -> after (last round) | load 1-min at start / end (last round) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const store of stores) {
    const mine = results.filter((result) => result.store === store);
    const rates = mine.map((result) => result.rowsPerSecond).sort((a, b) => a - b);
    if (rates.length === 0) continue;
    const median = rates[Math.floor(rates.length / 2)];
    const peak = Math.max(...mine.map((result) => result.peakAboveIdle));
    const last = mine[mine.length - 1];
    console.log(
      `| ${store} | ${rates[0].toFixed(0)} | ${median.toFixed(0)} | ${rates[rates.length - 1].toFixed(0)} | ${mb(peak)} | ` +
        `${mb(last.systemRss[0])} -> ${mb(last.systemRss[1])} | ${last.load[0].toFixed(1)} / ${last.load[1].toFixed(1)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
