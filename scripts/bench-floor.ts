/**
 * `npm run bench -- --floor`: what one subgraph call at concurrency 1 is made of, on the
 * PostgreSQL server, piece by piece (docs/BENCHMARKS.md, "The direct floor"). One request at a
 * time, each piece `--requests` times after a warm-up, in a temporary database dropped after:
 *   - a statement's round trip (`SELECT 1` through the pool, as a store query),
 *   - a durable commit of one small row (one statement, WAL flushed before it returns),
 *   - the same statement on a connection that skips the WAL flush, to show what the
 *     flush itself costs (measured here only: no writer ever skips it),
 *   - one append through the audit writer, one request at a time with 1 ms between (what a
 *     subgraph pays before its answer leaves),
 *   - signing and verifying one internal context token.
 * Prints the median and p90 of each in milliseconds.
 *
 *   npm run bench -- --floor [--requests 300]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createAuditWriter } from '../lib/audit/audit-writer';
import type { Caller } from '../lib/auth/caller';
import { migrateAuditStore } from '../lib/audit/migrate-audit-store';
import {
  GATEWAY_ISSUER,
  createInternalTokenVerifier,
  signInternalToken,
} from '../lib/auth/internal-token';
import { createMemoryKeyStore } from '../lib/auth/key-store';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { postgresDatabase } from '../lib/db/postgres-database';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median and p90 of `times` runs of `work`, one at a time, after `times / 10` warm-up runs. */
async function timed(
  times: number,
  work: (i: number) => Promise<unknown>,
  pause = 0,
): Promise<{ p50: number; p90: number }> {
  for (let i = 0; i < Math.ceil(times / 10); i += 1) await work(-1 - i);
  const latencies: number[] = [];
  for (let i = 0; i < times; i += 1) {
    if (pause > 0) await sleep(pause);
    const began = performance.now();
    await work(i);
    latencies.push(performance.now() - began);
  }
  latencies.sort((x, y) => x - y);
  return {
    p50: latencies[Math.floor(times * 0.5)],
    p90: latencies[Math.floor(times * 0.9)],
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { floor: { type: 'boolean' }, requests: { type: 'string' } },
  });
  const times = Number(values.requests ?? 300);
  if (!Number.isInteger(times) || times < 10) throw new Error('--requests must be 10 or more');
  const name = `cf_floor_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = postgresDatabase(url.toString(), { maxConnections: 4 });
  const rows: [string, { p50: number; p90: number }][] = [];
  try {
    await migrateAuditStore(db);
    await db.exec('CREATE TABLE floor_probe (id bigint PRIMARY KEY, body jsonb NOT NULL)');
    const body = JSON.stringify({ fields: ['Person.name', 'Person.householdStatus'], n: 1 });
    rows.push(['statement round trip (SELECT 1)', await timed(times, () => db.query('SELECT 1'))]);
    let id = 0;
    rows.push([
      'durable commit of one row (WAL flushed)',
      await timed(times, () => {
        id += 1;
        return db.query('INSERT INTO floor_probe (id, body) VALUES ($1, $2)', [id, body]);
      }),
    ]);
    // A connection of its own that skips the WAL flush at commit: only to show what the flush
    // costs; no writer of this project ever runs so.
    const unflushed = new Client({ connectionString: url.toString() });
    await unflushed.connect();
    try {
      await unflushed.query('SET synchronous_commit = off');
      rows.push([
        'the same, WAL flush skipped (measured only)',
        await timed(times, () => {
          id += 1;
          return unflushed.query('INSERT INTO floor_probe (id, body) VALUES ($1, $2)', [id, body]);
        }),
      ]);
    } finally {
      await unflushed.end();
    }
    const writer = createAuditWriter({ db, writer: 'floor', hmacKey: randomBytes(32) });
    const person = makeCitizenId('511921', '19850315', 101);
    rows.push([
      'audit append, one request at a time',
      await timed(
        times,
        (i) =>
          writer.append({
            kind: 'resolver',
            requestId: `floor-${i}`,
            caller: { sub: 'bench', clientType: 'officer', dept: 'NDRC' },
            resolved: [{ subject: person, fields: ['Person.householdStatus'] }],
            policyVersion: 'bench',
          }),
        1,
      ),
    ]);
    await writer.close();
    const keys = createMemoryKeyStore();
    const { privateKey, publicKey } = await keys.keyPair('gateway-internal');
    const verify = createInternalTokenVerifier({
      subgraphName: 'population',
      trustedIssuers: { [GATEWAY_ISSUER]: publicKey },
    });
    const caller: Caller = { sub: 'bench', clientType: 'officer', dept: 'NDRC', roles: [] };
    const sign = () =>
      signInternalToken(caller, {
        audience: 'population',
        requestId: `floor-${randomBytes(4).toString('hex')}`,
        issuer: GATEWAY_ISSUER,
        key: privateKey,
      });
    rows.push(['internal token: sign', await timed(times, sign)]);
    const tokens = await Promise.all(Array.from({ length: times * 2 }, sign));
    let next = 0;
    rows.push([
      'internal token: verify',
      await timed(times, () => verify(tokens[next++ % tokens.length])),
    ]);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  console.log(`\n| piece (one at a time, ${times} runs) | p50 (ms) | p90 (ms) |`);
  console.log('| --- | --- | --- |');
  for (const [label, { p50, p90 }] of rows) {
    console.log(`| ${label} | ${p50.toFixed(3)} | ${p90.toFixed(3)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
