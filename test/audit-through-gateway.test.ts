import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChains } from '../lib/audit/verify-chains';
import { databaseUrlVariable } from '../scripts/lib/system-databases';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { describeDecisionWrites } from './support/decision-write-cases';
import type { DecisionWriteSystem } from './support/decision-write-cases';
import { describeDecisionWriteDenials } from './support/decision-write-denials';
import { describeLicensingDecisions } from './support/licensing-decision-cases';
import { postGraphQL } from './support/graphql-client';
import { DB_MODES, createTestDatabaseUrls } from './support/test-databases';
import type { TestDatabaseUrls } from './support/test-databases';
import { createTestSecurity } from './support/test-security';

/** Every access through the gateway is written to the hash-chained audit log (DESIGN §5). */

const SUMMARY = `query Summary($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level } }
}`;

interface Row {
  writer: string;
  request_id: string | null;
  kind: string;
  payload: Record<string, unknown>;
}

describe.each(DB_MODES)('audit of gateway operations on %s', (mode) => {
  let system: RunningSystem;
  let dataDir: string;
  let serverDatabases: TestDatabaseUrls | undefined;
  let ids: string[];
  let scenarios: Record<string, string[]>;
  let headers: Record<string, string>;
  let auditorHeaders: Record<string, string>;
  const security = createTestSecurity();

  const rows = (requestIds: readonly string[]) =>
    system.auditDb.query<Row>(
      `SELECT writer, request_id, kind, payload FROM audit.entries WHERE request_id = ANY($1::text[])`,
      [requestIds],
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-audit-'));
    const env: NodeJS.ProcessEnv = {};
    if (mode === 'postgres') {
      // The audit subgraph's database is the audit store.
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
      log: () => {},
    });
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    scenarios = fixtures.scenarios;
    ids = Object.values(fixtures.scenarios).flat();
    // NDRC sees the credit profile and household status (default policy rule ndrc-credit-work).
    headers = await security.userHeaders(
      { sub: 'officer-ndrc-7', clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
      'ADMIN_LICENSING',
      'CASE-AUDIT-0001',
    );
    auditorHeaders = await security.userHeaders({
      sub: 'auditor-1',
      clientType: 'auditor',
      dept: 'AUDIT',
      roles: ['auditor'],
    });
  });

  afterAll(async () => {
    await system?.stop();
    await serverDatabases?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = async (id: string) => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: SUMMARY, variables: { id } }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    return { status: response.status, requestId: response.headers.get('x-request-id') ?? '', body };
  };

  it('writes exactly one gateway record per operation under 200 concurrent operations, chains intact', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => ask(ids[i % ids.length])),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    const requestIds = results.map((r) => r.requestId);
    expect(new Set(requestIds).size).toBe(200);
    const written = await rows(requestIds);
    const gateway = written.filter((row) => row.writer === 'gateway');
    expect(gateway).toHaveLength(200);
    expect(new Set(gateway.map((row) => row.request_id)).size).toBe(200);
    // Each operation also left the resolver logs of the subgraphs that resolved person fields.
    const resolvers = new Set(written.filter((r) => r.kind === 'resolver').map((r) => r.writer));
    expect([...resolvers].sort()).toEqual(['credit', 'population']);
    const verified = await verifyChains(system.auditDb);
    expect(verified.writers.filter((w) => w.firstBroken)).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it('records who, why, which person (never in clear) and which fields', async () => {
    const [id] = ids;
    const { requestId } = await ask(id);
    const [record] = (await rows([requestId])).filter((row) => row.writer === 'gateway');
    expect(record.kind).toBe('operation');
    expect(record.payload).toMatchObject({
      user: 'officer-ndrc-7',
      dept: 'NDRC',
      clientType: 'officer',
      purpose: 'ADMIN_LICENSING',
      caseRef: 'CASE-AUDIT-0001',
      operationName: 'Summary',
      policyVersion: security.policy.version,
      result: 'allowed',
      // Each subgraph fetch with how it went and how long it took.
      subgraphs: expect.arrayContaining([
        { subgraph: 'population', outcome: 'ok', latencyMs: expect.any(Number) },
        { subgraph: 'credit', outcome: 'ok', latencyMs: expect.any(Number) },
      ]),
      subjects: [expect.objectContaining({ masked: `${id.slice(0, 6)}********${id.slice(14)}` })],
      fields: expect.objectContaining({
        returned: expect.arrayContaining([
          'Query.person',
          'Person.householdStatus',
          'CreditProfile.score',
        ]),
        denied: [],
      }),
    });
    expect(JSON.stringify(record.payload)).not.toContain(id);
    const [clear] = await system.auditDb.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit.entries WHERE payload::text LIKE '%' || $1 || '%'`,
      [id],
    );
    expect(clear.n).toBe('0');
  });

  it('fails closed while the audit store cannot be written, and resumes without a restart', async () => {
    const [id] = ids;
    await system.auditDb.query('ALTER TABLE audit.entries RENAME TO entries_unavailable');
    try {
      const refused = await ask(id);
      expect(refused.status).toBe(503);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await system.auditDb.query('ALTER TABLE audit.entries_unavailable RENAME TO entries');
    }
    const resumed = await ask(id);
    expect(resumed.status).toBe(200);
    expect(resumed.body.data).toEqual({
      person: expect.objectContaining({
        id,
        creditProfile: expect.objectContaining({ level: expect.any(String) }),
      }),
    });
    expect((await rows([resumed.requestId])).some((row) => row.writer === 'gateway')).toBe(true);
    expect((await verifyChains(system.auditDb)).ok).toBe(true);
  });

  it('records a refused field as denied, with the rule that decided it', async () => {
    const result = await postGraphQL(
      system.gatewayUrl,
      `query Tax($id: ID!) { person(id: $id) { id tax { arrears { amount } } } }`,
      { id: ids[0] },
      headers,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'Person.tax',
    });
    const written = await system.auditDb.query<Row>(
      `SELECT writer, request_id, kind, payload FROM audit.entries
       WHERE writer = 'gateway' ORDER BY seq DESC LIMIT 1`,
    );
    expect(written[0].payload).toMatchObject({
      operationName: 'Tax',
      result: 'partial',
      fields: {
        returned: ['Query.person', 'Person.id'],
        masked: [],
        denied: ['Person.tax', 'TaxInfo.arrears', 'TaxArrear.amount'],
        rules: [
          { field: 'Query.person', outcome: 'returned', ruleId: 'officer-person-lookup' },
          // An identity field goes with the first grant of its type (NDRC's credit work).
          { field: 'Person.id', outcome: 'returned', ruleId: 'ndrc-credit-work' },
          { field: 'Person.tax', outcome: 'denied', ruleId: 'default-deny' },
          { field: 'TaxInfo.arrears', outcome: 'denied', ruleId: 'default-deny' },
          { field: 'TaxArrear.amount', outcome: 'denied', ruleId: 'default-deny' },
        ],
      },
    });
    // Each field with the rule that decided it, as the audit team reads it.
    const rules = [
      { field: 'Query.person', outcome: 'RETURNED', ruleId: 'officer-person-lookup' },
      { field: 'Person.tax', outcome: 'DENIED', ruleId: 'default-deny' },
    ];
    const read = await postGraphQL<{
      auditEvents: { entries: { operationName: string; fieldRules: unknown[] }[] };
    }>(
      system.gatewayUrl,
      `query Events($requestId: String!) {
         auditEvents(filter: { requestId: $requestId, kind: OPERATION }) {
           entries { operationName fieldRules { field outcome ruleId } }
         }
       }`,
      { requestId: written[0].request_id },
      auditorHeaders,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.auditEvents.entries).toEqual([
      { operationName: 'Tax', fieldRules: expect.arrayContaining(rules) },
    ]);
  });

  it("names the deny rule in the record of a refused change, and the refusal's person", async () => {
    const [citizen] = scenarios.general_bad;
    const other = ids.find((id) => id !== citizen) as string;
    const asOther = await security.userHeaders({
      sub: `citizen-${other}`,
      clientType: 'citizen',
      personId: other,
      roles: [],
    });
    const records = await postGraphQL<{ person: { creditRecords: { id: string }[] } }>(
      system.gatewayUrl,
      '{ person(id: "' + citizen + '") { creditRecords { id } } }',
      {},
      await security.userHeaders({
        sub: `citizen-${citizen}`,
        clientType: 'citizen',
        personId: citizen,
        roles: [],
      }),
    );
    expect(records.errors).toBeUndefined();
    const recordId = records.data?.person.creditRecords[0]?.id;
    expect(recordId).toEqual(expect.any(String));
    const refused = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asOther },
      body: JSON.stringify({
        query: 'mutation Object($r: ID!) { fileObjection(recordId: $r, reason: "x") { status } }',
        variables: { r: recordId },
      }),
    });
    const requestId = refused.headers.get('x-request-id') ?? '';
    const [record] = (await rows([requestId])).filter((row) => row.writer === 'gateway');
    expect(record.payload).toMatchObject({
      operationName: 'Object',
      result: 'denied',
      // Whose record it is, as the credit platform told the gateway.
      subjects: [
        expect.objectContaining({ masked: `${citizen.slice(0, 6)}********${citizen.slice(14)}` }),
      ],
      fields: {
        returned: [],
        masked: [],
        denied: ['Mutation.fileObjection'],
        rules: [
          {
            field: 'Mutation.fileObjection',
            outcome: 'denied',
            ruleId: 'objections-on-own-records-only',
          },
        ],
      },
    });
  });

  // Writes are audited like reads: the write API's cases run on this system.
  const writeSystem = (): DecisionWriteSystem => ({
    gatewayUrl: system.gatewayUrl,
    auditDb: system.auditDb,
    departmentDb: (name) => {
      const subgraph = system.subgraphs.find((candidate) => candidate.name === name);
      if (!subgraph) throw new Error(`no subgraph ${name}`);
      return subgraph.db;
    },
    security,
    scenarios,
  });
  describeDecisionWrites(writeSystem);
  describeDecisionWriteDenials(writeSystem);
  describeLicensingDecisions(writeSystem);

  describe('chain status (Query.auditChainStatus) on the running system', () => {
    interface ChainState {
      writer: string;
      ok: boolean;
      verifiedSeq: string | null;
      headSeq: string;
      checkedNow: number;
      pending: string;
      firstBroken: { seq: string; reason: string; detail: string } | null;
    }
    const CHAIN_STATUS = `query ChainStatus($restart: Boolean) {
      auditChainStatus(restart: $restart) {
        ok checkedAt
        chains { writer ok verifiedSeq headSeq checkedNow pending firstBroken { seq reason detail } }
      }
    }`;
    const chainStatus = async (restart = false) => {
      const result = await postGraphQL<{
        auditChainStatus: { ok: boolean; checkedAt: string; chains: ChainState[] };
      }>(system.gatewayUrl, CHAIN_STATUS, { restart }, auditorHeaders);
      expect(result.errors).toBeUndefined();
      const status = result.data?.auditChainStatus;
      if (!status) throw new Error('no chain status');
      return { ...status, gateway: status.chains.find((chain) => chain.writer === 'gateway') };
    };
    const gatewayHead = async () =>
      Number(
        (
          await system.auditDb.query<{ seq: string }>(
            `SELECT seq::text AS seq FROM audit.heads WHERE writer = 'gateway'`,
          )
        )[0].seq,
      );

    it('verifies every chain, then only what was appended since', async () => {
      const first = await chainStatus(true);
      expect(first.ok).toBe(true);
      const head = await gatewayHead();
      // This check's own record is written after it answered.
      expect(first.gateway).toMatchObject({
        ok: true,
        verifiedSeq: String(head - 1),
        headSeq: String(head - 1),
        checkedNow: head - 1,
        pending: '0',
        firstBroken: null,
      });
      expect(first.chains.map((chain) => chain.writer)).toEqual(
        expect.arrayContaining(['credit', 'gateway', 'population']),
      );
      for (let i = 0; i < 3; i += 1) await ask(ids[i]);
      const second = await chainStatus();
      // The first check's record and the three operations: nothing verified twice.
      expect(second.gateway).toMatchObject({
        ok: true,
        verifiedSeq: String(head + 3),
        checkedNow: 4,
        pending: '0',
      });
    });

    it('refuses officers: the permission is the policy rule audit-chain-status', async () => {
      const refused = await postGraphQL(system.gatewayUrl, CHAIN_STATUS, {}, headers);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        field: 'Query.auditChainStatus',
        ruleId: 'default-deny',
      });
    });

    it('names the first broken entry of a tampered chain; a restart catches edits already verified', async () => {
      await ask(ids[0]);
      const verified = await chainStatus();
      const upTo = Number(verified.gateway?.verifiedSeq);
      for (let i = 0; i < 2; i += 1) await ask(ids[i]);
      const tamper = (seq: number) =>
        system.auditDb.transaction(async (tx) => {
          // As a database superuser could: with the append-only triggers off.
          await tx.query('SET LOCAL session_replication_role = replica');
          await tx.query(
            `UPDATE audit.entries SET payload = jsonb_set(payload, '{purpose}', '"JUDICIAL"')
             WHERE writer = 'gateway' AND seq = $1`,
            [seq],
          );
        });
      // An entry appended since the last check: the next incremental check names it.
      await tamper(upTo + 2);
      const broken = await chainStatus();
      expect(broken.ok).toBe(false);
      expect(broken.gateway).toMatchObject({
        ok: false,
        verifiedSeq: String(upTo + 1),
        firstBroken: { seq: String(upTo + 2), reason: 'hash mismatch (edited)' },
      });
      // An entry verified before: only a check from the anchor finds it.
      await tamper(upTo - 3);
      const restarted = await chainStatus(true);
      expect(restarted.gateway).toMatchObject({
        ok: false,
        verifiedSeq: String(upTo - 4),
        firstBroken: { seq: String(upTo - 3), reason: 'hash mismatch (edited)' },
      });
    });
  });
});
