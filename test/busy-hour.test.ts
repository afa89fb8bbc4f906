/**
 * A busy hour loses nothing, and `/health` tells the truth (docs/OPERATIONS.md "Health"):
 * 200 concurrent clients on the profile query all get their data, on the embedded default and on
 * the PostgreSQL topology; subgraph responses carry their length; with the audit store down
 * `/health` is 503 naming it, and a hanging store fails a request within ONE audit timeout (not
 * the subgraph's and then the gateway's), as it fails the auditors' reads within theirs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrlVariable } from '../scripts/lib/system-databases';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { DB_MODES, createTestDatabaseUrls } from './support/test-databases';
import type { TestDatabaseUrls } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level breakdown { catalogCode points } sources { dept stale } } }
}`;
const CLIENTS = 200;
/** The audit timeout of this file's systems: short, so a hanging store is quick to show. */
const AUDIT_TIMEOUT_MS = 1500;

interface Answer {
  status: number;
  ms: number;
  body: {
    data?: { person?: { id: string; creditProfile: unknown } | null } | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe.each(DB_MODES)('a busy hour on %s', (mode) => {
  let system: RunningSystem;
  let dataDir: string;
  let serverDatabases: TestDatabaseUrls | undefined;
  let ids: string[];
  const security = createTestSecurity();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-busy-'));
    const env: NodeJS.ProcessEnv = {};
    if (mode === 'postgres') {
      serverDatabases = await createTestDatabaseUrls(ALL_SUBGRAPHS.map((m) => m.name));
      for (const [name, url] of Object.entries(serverDatabases.urls)) {
        env[databaseUrlVariable(name)] = url;
      }
    }
    system = await startSystem({
      dataDir,
      gatewayPort: 0,
      seedPersons: 120,
      env,
      keys: security.keys,
      auditTimeoutMs: AUDIT_TIMEOUT_MS,
      log: () => {},
    });
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    ids = Object.values(fixtures.scenarios).flat();
  });

  afterAll(async () => {
    await system?.stop();
    await serverDatabases?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Client `n`: an NDRC officer of its own (the rate limits are per identity). */
  async function ask(n: number, query = PROFILE, variables: object = { id: ids[n % ids.length] }) {
    const headers = await security.userHeaders(
      { sub: `officer-ndrc-${n}`, clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
      'ADMIN_LICENSING',
      `CASE-BUSY-${n}`,
    );
    const started = performance.now();
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Answer['body'];
    return { status: response.status, ms: performance.now() - started, body };
  }

  async function health() {
    const response = await fetch(new URL('/health', system.gatewayUrl));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it(`answers ${CLIENTS} concurrent clients, every one with its data`, async () => {
    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, n) => ask(n)));
    const failed = answers.filter(
      (answer) => answer.status !== 200 || answer.body.errors || !answer.body.data?.person,
    );
    expect(failed.map((answer) => [answer.status, answer.body.errors?.[0]?.message])).toEqual([]);
    answers.forEach((answer, n) => {
      expect(answer.body.data?.person?.id).toBe(ids[n % ids.length]);
      expect(answer.body.data?.person?.creditProfile).not.toBeNull();
    });
    // The audit record says how each subgraph fetch went, and how long it took.
    const [record] = await system.auditDb.query<{ payload: { subgraphs: unknown[] } }>(
      `SELECT payload FROM audit.entries WHERE writer = 'gateway' ORDER BY seq DESC LIMIT 1`,
    );
    expect(record.payload.subgraphs).toEqual([
      { subgraph: 'population', outcome: 'ok', latencyMs: expect.any(Number) },
      { subgraph: 'credit', outcome: 'ok', latencyMs: expect.any(Number) },
    ]);
  });

  it('gets subgraph answers with a Content-Length, never chunked', async () => {
    const population = system.subgraphs.find((s) => s.name === 'population');
    const response = await fetch(population?.url ?? '', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await security.gatewayHeaders('population', officer('PSB'))),
      },
      body: JSON.stringify({ query: `{ person(id: "${ids[0]}") { id householdStatus } }` }),
    });
    const text = await response.text();
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  });

  it('reports the audit store and every subgraph with its dependencies', async () => {
    const healthy = await health();
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({
      status: 'ok',
      audit: 'ok',
      rateLimits: 'memory',
      subgraphs: Object.fromEntries(
        ALL_SUBGRAPHS.map((m) => [m.name, { status: 'ok', database: 'ok', audit: 'ok' }]),
      ),
    });
  });

  it('answers /health 503 naming the audit store while it refuses writes, and recovers', async () => {
    await system.auditDb.query('ALTER TABLE audit.entries RENAME TO entries_unavailable');
    try {
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'unavailable',
        audit: 'unavailable',
        failing: ['audit', ...ALL_SUBGRAPHS.map((m) => `${m.name}.audit`).sort()],
      });
      const refused = await ask(0);
      expect(refused.status).toBe(503);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await system.auditDb.query('ALTER TABLE audit.entries_unavailable RENAME TO entries');
    }
    expect((await health()).status).toBe(200);
    expect((await ask(1)).status).toBe(200);
  });

  if (mode === 'postgres') {
    // Only a server has other sessions that can hold a lock; PGlite runs one statement at a time.
    it('fails a request within one audit timeout while the store hangs, and the auditors read within theirs', async () => {
      const locker = new Client({ connectionString: serverDatabases?.urls.audit });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE audit.entries IN ACCESS EXCLUSIVE MODE');
        const [refused, probe] = await Promise.all([ask(2), health()]);
        expect(refused.status).toBe(503);
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
        // The population subgraph waited one timeout for its resolver log; the gateway's own
        // record then waited only its short grace, not a second timeout.
        expect(refused.ms).toBeGreaterThanOrEqual(AUDIT_TIMEOUT_MS - 100);
        expect(refused.ms).toBeLessThan(2 * AUDIT_TIMEOUT_MS);
        expect(probe.status).toBe(503);
        expect(probe.body).toMatchObject({ audit: 'unavailable' });
        // The auditors' read side, asked directly (as the gateway would): its read of the locked
        // store fails after its own timeout instead of hanging the request.
        const auditSubgraph = system.subgraphs.find((s) => s.name === 'audit');
        const started = performance.now();
        const read = await fetch(auditSubgraph?.url ?? '', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(await security.gatewayHeaders('audit', {
              sub: 'auditor-busy',
              clientType: 'auditor',
              dept: 'AUDIT',
              roles: ['auditor'],
              purpose: 'AUDIT_REVIEW',
            })),
          },
          body: JSON.stringify({ query: '{ auditEvents(first: 5) { entries { writer seq } } }' }),
        });
        const body = (await read.json()) as Answer['body'];
        expect(performance.now() - started).toBeLessThan(10_000);
        // Its own 5 s bound, or the server's statement timeout of the audit store's connections
        // (this system's audit timeout + 1 s), whichever comes first.
        expect(body.errors?.[0]?.message ?? '').toMatch(
          /did not answer within 5000 ms|canceling statement due to statement timeout/,
        );
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      expect((await ask(3)).status).toBe(200);
    });
  }
});
