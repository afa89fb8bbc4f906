/**
 * Departments recording their own decisions through the REAL gateway (default policy, production
 * safelist, real audit store): registered as cases of a system another test file started, so the
 * suite starts no extra system for them. Each case uses its own persons and decision numbers.
 */
import type { CallerIdentity, Department, Purpose } from '../../lib/auth/caller';
import { chinaToday } from '../../lib/civil-time/china-today';
import type { Database } from '../../subgraphs/kit/db/database';
import { addDays } from '../../subgraphs/kit/seed/random';
import { postGraphQL } from './graphql-client';
import type { GraphQLResponse } from './graphql-client';
import type { TestSecurity } from './test-security';

/** What the cases need of the started system. */
export interface DecisionWriteSystem {
  gatewayUrl: string;
  auditDb: Database;
  /** The database of the department subgraph `name` (to make one of its writes fail). */
  departmentDb(name: string): Database;
  security: Pick<TestSecurity, 'userHeaders'>;
  /** Example person ids per fixture scenario. */
  scenarios: Record<string, string[]>;
}

const RECORD = `mutation Record($kind: String!, $values: [ImportValueInput!]!) {
  taxRecordDecision(kind: $kind, values: $values) { kind decisionNo recordId outcome version }
}`;
const CORRECT = `mutation Correct($kind: String!, $values: [ImportValueInput!]!) {
  taxCorrectDecision(kind: $kind, values: $values) { kind decisionNo recordId outcome version }
}`;
const TAX_REVOKE = `mutation Revoke($kind: String!, $no: String!, $on: String!) {
  taxRevokeDecision(kind: $kind, decisionNo: $no, revokedAt: $on) { decisionNo outcome version }
}`;
const MARKET_RECORD = `mutation Record($kind: String!, $values: [ImportValueInput!]!) {
  marketRecordDecision(kind: $kind, values: $values) { kind decisionNo recordId outcome version }
}`;
const MARKET_REVOKE = `mutation Revoke($kind: String!, $no: String!, $on: String!) {
  marketRevokeDecision(kind: $kind, decisionNo: $no, revokedAt: $on) { decisionNo outcome version }
}`;
const COLLECT = `mutation { collectCreditFeedsNow { feed dept entries changed error } }`;
const PROFILE = `query Profile($id: ID!) {
  person(id: $id) {
    creditRecords { catalogCode sourceDept decisionNo status }
    creditProfile { breakdown { catalogCode points } }
  }
}`;
const RECORD_IDS = `query RecordIds($id: ID!) {
  person(id: $id) { creditRecords { id decisionNo } }
}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DISCLOSURES = `query Disclosures($from: String) {
  publicDisclosures(filter: { from: $from }, first: 100) { nodes { decisionNo dept } }
}`;

interface Write {
  kind: string;
  decisionNo: string;
  recordId: string;
  outcome: string;
  version: number;
}
interface CreditRecordId {
  id: string;
  decisionNo: string | null;
}
interface ProfileData {
  person: {
    creditRecords: {
      catalogCode: string;
      sourceDept: string;
      decisionNo: string | null;
      status: string;
    }[];
    creditProfile: { breakdown: { catalogCode: string; points: number }[] };
  };
}
interface AuditRow {
  writer: string;
  payload: {
    dept?: string;
    user?: string;
    purpose?: string;
    caseRef?: string;
    resolved?: {
      subject: { hmac: string; masked: string };
      fields: string[];
      writes?: { kind: string; decisionNo: string; outcome: string }[];
    }[];
    operationName?: string;
    result?: string;
  };
}

const values = (record: Record<string, string | null>) =>
  Object.entries(record).map(([field, value]) => ({ field, value }));

/** Every error as `code ruleId-or-field`. */
function errorLines(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((error) => {
    const { code, ruleId, field, argument } = error.extensions ?? {};
    return `${String(code)} ${String(ruleId ?? field ?? argument)}`;
  });
}

/** Registers the cases; `system()` is read inside each case (after the caller's beforeAll). */
export function describeDecisionWrites(system: () => DecisionWriteSystem): void {
  const today = chinaToday();
  const who = (
    dept: Department,
    roles: string[],
    clientType: 'officer' | 'system' = 'officer',
  ): CallerIdentity => ({
    sub: `${dept.toLowerCase()}-${roles.join('-')}`,
    dept,
    roles,
    clientType,
  });
  const ask = async <Data = Record<string, unknown>>(
    identity: CallerIdentity,
    query: string,
    variables: Record<string, unknown>,
    purpose: Purpose = 'DATA_ENTRY',
  ): Promise<GraphQLResponse<Data>> =>
    postGraphQL<Data>(
      system().gatewayUrl,
      query,
      variables,
      await system().security.userHeaders(identity, purpose, 'CASE-ENTRY-0001'),
    );
  const recorder = (dept: Department) => who(dept, ['officer', 'recorder']);
  const ndrc = who('NDRC', ['officer']);
  /** Runs a trusted document of operations/ by its id, as an approval system must. */
  const runTrusted = async <Data = Record<string, unknown>>(
    identity: CallerIdentity,
    documentId: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>> => {
    const response = await fetch(system().gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await system().security.userHeaders(identity, 'DATA_ENTRY', 'BATCH-0001')),
      },
      body: JSON.stringify({
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: documentId } },
      }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const collect = async () => {
    const result = await ask<{ collectCreditFeedsNow: { error: string | null }[] }>(
      ndrc,
      COLLECT,
      {},
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.collectCreditFeedsNow.filter((report) => report.error !== null)).toEqual(
      [],
    );
  };
  const profile = async (personId: string) => {
    const result = await ask<ProfileData>(ndrc, PROFILE, { id: personId }, 'ADMIN_ENFORCEMENT');
    expect(result.errors).toBeUndefined();
    return result.data?.person;
  };
  const arrear = (personId: string, decisionNo: string, amount = '1200.50') => ({
    personId,
    decisionNo,
    taxType: 'INDIVIDUAL_INCOME',
    amount,
    since: addDays(today, -40),
    authority: '国家税务总局通江县税务局',
  });

  describe('departments record their own decisions (write API)', () => {
    it('a TAX recorder records an arrear: after a collection the profile shows it with its points; settled, the record ends; each write audited', async () => {
      const personId = system().scenarios.clean[0];
      const recorded = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, {
        kind: 'arrears',
        values: values(arrear(personId, '通税通〔2026〕9001号')),
      });
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data?.taxRecordDecision).toEqual({
        kind: 'arrears',
        decisionNo: '通税通〔2026〕9001号',
        recordId: expect.stringMatching(UUID),
        outcome: 'INSERTED',
        version: 1,
      });
      await collect();
      const before = await profile(personId);
      // The record id is opaque: neither the feed's source record id nor the platform's
      // CreditRecord.id (`TAX:<source record id>`) carries the decision number.
      const recordId = recorded.data?.taxRecordDecision.recordId ?? '';
      const onPlatform = await ask<{ person: { creditRecords: CreditRecordId[] } }>(
        ndrc,
        RECORD_IDS,
        { id: personId },
        'ADMIN_ENFORCEMENT',
      );
      const arrearRecord = onPlatform.data?.person.creditRecords.find(
        (record) => record.decisionNo === '通税通〔2026〕9001号',
      );
      expect(arrearRecord?.id).toBe(`TAX:${recordId}`);
      expect(arrearRecord?.id).not.toMatch(/9001/);
      expect(before?.creditRecords).toContainEqual({
        catalogCode: 'TAX_ARREARS',
        sourceDept: 'TAX',
        decisionNo: '通税通〔2026〕9001号',
        status: 'ACTIVE',
      });
      expect(before?.creditProfile.breakdown).toContainEqual({
        catalogCode: 'TAX_ARREARS',
        points: -30,
      });

      const settled = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, {
        kind: 'arrear-settlements',
        values: values({
          personId,
          decisionNo: '完税〔2026〕9001号',
          arrearDecisionNo: '通税通〔2026〕9001号',
          paidAt: today,
        }),
      });
      expect(settled.data?.taxRecordDecision.outcome).toBe('ENDED');
      await collect();
      const after = await profile(personId);
      expect(after?.creditRecords).toContainEqual({
        catalogCode: 'TAX_ARREARS',
        sourceDept: 'TAX',
        decisionNo: '通税通〔2026〕9001号',
        status: 'PERFORMED',
      });

      const rows = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'tax'
           AND payload::text LIKE '%通税通〔2026〕9001号%' ORDER BY seq`,
      );
      // Audited as attempted before it was written, then with what it did.
      expect(rows.map((row) => row.payload.resolved?.[0].writes)).toEqual(
        ['ATTEMPTED', 'INSERTED'].map((outcome) => [
          { kind: 'arrears', decisionNo: '通税通〔2026〕9001号', outcome },
        ]),
      );
      const settledRows = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'tax'
           AND payload::text LIKE '%完税〔2026〕9001号%'`,
      );
      for (const row of [...rows, ...settledRows]) {
        expect(row.payload).toMatchObject({
          dept: 'TAX',
          user: 'tax-officer-recorder',
          purpose: 'DATA_ENTRY',
          caseRef: 'CASE-ENTRY-0001',
        });
        expect(row.payload.resolved?.[0].subject.hmac).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(row.payload)).not.toContain(personId);
      }
      expect(settledRows).toHaveLength(2);
      // The gateway records the mutations like any operation: who, why, and the result.
      const [gateway] = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'gateway'
           AND payload->>'operationName' = 'Record' AND payload->>'dept' = 'TAX'
         ORDER BY seq LIMIT 1`,
      );
      expect(gateway.payload).toMatchObject({
        operationName: 'Record',
        purpose: 'DATA_ENTRY',
        caseRef: 'CASE-ENTRY-0001',
        result: 'allowed',
      });
    });

    it('refuses another department, an officer without recorder and a write without DATA_ENTRY, each FORBIDDEN with its rule, and writes nothing', async () => {
      const personId = system().scenarios.clean[1] ?? system().scenarios.clean[0];
      const attempt = { kind: 'arrears', values: values(arrear(personId, '通税通〔2026〕9002号')) };
      const refusals = [
        await ask(recorder('AMR'), RECORD, attempt),
        await ask(who('TAX', ['officer']), RECORD, attempt),
        await ask(recorder('TAX'), RECORD, attempt, 'ADMIN_ENFORCEMENT'),
      ];
      for (const refused of refusals) {
        expect(refused.data?.taxRecordDecision ?? null).toBeNull();
        expect(errorLines(refused)).toEqual(['FORBIDDEN default-deny']);
      }
      // Nothing was written: the same decision recorded by its recorder is new.
      const first = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, attempt);
      expect(first.data?.taxRecordDecision.outcome).toBe('INSERTED');
    });

    it('is idempotent by decision number; different content names the fields; a correction keeps the previous version', async () => {
      const personId = system().scenarios.clean_3y[0];
      const decision = {
        kind: 'arrears',
        values: values(arrear(personId, '通税通〔2026〕9003号')),
      };
      expect(
        (await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, decision)).data
          ?.taxRecordDecision.outcome,
      ).toBe('INSERTED');
      expect(
        (await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, decision)).data
          ?.taxRecordDecision,
      ).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
      const changed = {
        kind: 'arrears',
        values: values({
          ...arrear(personId, '通税通〔2026〕9003号', '99.00'),
          taxType: 'PROPERTY',
        }),
      };
      const conflict = await ask(recorder('TAX'), RECORD, changed);
      expect(conflict.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [
          { field: 'taxType', reason: expect.stringContaining('different taxType') },
          { field: 'amount', reason: expect.stringContaining('different amount') },
        ],
      });
      const corrected = await ask<{ taxCorrectDecision: Write }>(recorder('TAX'), CORRECT, changed);
      expect(corrected.data?.taxCorrectDecision).toMatchObject({
        outcome: 'CORRECTED',
        version: 2,
      });
      expect(
        (await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, changed)).data
          ?.taxRecordDecision,
      ).toMatchObject({ outcome: 'UNCHANGED', version: 2 });
      // Every write is audited as attempted, then with what it did, an unchanged one too (the
      // refused one only as attempted).
      const audited = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'tax'
           AND payload::text LIKE '%通税通〔2026〕9003号%' ORDER BY seq`,
      );
      expect(audited.map((row) => row.payload.resolved?.[0].writes)).toEqual(
        [
          'ATTEMPTED',
          'INSERTED',
          'ATTEMPTED',
          'UNCHANGED',
          'ATTEMPTED',
          'ATTEMPTED',
          'CORRECTED',
          'ATTEMPTED',
          'UNCHANGED',
        ].map((outcome) => [{ kind: 'arrears', decisionNo: '通税通〔2026〕9003号', outcome }]),
      );
    });

    it('writes nothing it cannot audit: with the audit store down the write is refused, and made once it is back', async () => {
      const personId = system().scenarios.clean_3y[0];
      const decision = {
        kind: 'arrears',
        values: values(arrear(personId, '通税通〔2026〕9006号')),
      };
      await system().auditDb.query('ALTER TABLE audit.entries RENAME TO entries_unavailable');
      try {
        const refused = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, decision);
        expect(refused.data?.taxRecordDecision ?? null).toBeNull();
        expect(refused.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE');
      } finally {
        await system().auditDb.query('ALTER TABLE audit.entries_unavailable RENAME TO entries');
      }
      // Not committed: the retry records it (not UNCHANGED), and the audit log has it.
      const retried = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, decision);
      expect(retried.data?.taxRecordDecision).toMatchObject({ outcome: 'INSERTED', version: 1 });
      const audited = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'tax'
           AND payload::text LIKE '%通税通〔2026〕9006号%'`,
      );
      expect(audited.map((row) => row.payload.resolved?.[0].writes)).toEqual(
        ['ATTEMPTED', 'INSERTED'].map((outcome) => [
          { kind: 'arrears', decisionNo: '通税通〔2026〕9006号', outcome },
        ]),
      );
    });

    it('names every invalid field: check digit, future date, negative amount, unknown enum, missing field', async () => {
      const personId = system().scenarios.clean[0];
      const wrongCheck = personId.slice(0, 17) + (personId[17] === '0' ? '1' : '0');
      const result = await ask(recorder('TAX'), RECORD, {
        kind: 'arrears',
        values: values({
          personId: wrongCheck,
          decisionNo: '通税通〔2026〕9004号',
          taxType: 'SALT',
          amount: '-5',
          since: addDays(today, 1),
          authority: null,
        }),
      });
      expect(result.data?.taxRecordDecision ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(
        (result.errors?.[0].extensions?.problems as { field: string }[]).map((p) => p.field),
      ).toEqual(['personId', 'taxType', 'amount', 'since']);
      const missing = await ask(recorder('TAX'), RECORD, {
        kind: 'arrears',
        values: values({
          personId,
          decisionNo: '通税通〔2026〕9005号',
          taxType: 'DEED',
          since: today,
        }),
      });
      expect(missing.errors?.[0].extensions?.problems).toEqual([
        { field: 'amount', reason: 'required' },
      ]);
    });

    it('a revoked penalty leaves the public disclosure and the profile after the next collection', async () => {
      const personId = system().scenarios.clean_3y[0];
      const decisionNo = '通市监处罚〔2026〕9001号';
      const penaltyDecision = {
        kind: 'penalties',
        values: values({
          personId,
          partyName: '测试当事人',
          decisionNo,
          penaltyKind: 'FINE',
          decidedAt: addDays(today, -3),
          amount: '2000',
          reason: '销售过期食品',
          procedure: 'GENERAL',
        }),
      };
      const penalty = await ask<{ marketRecordDecision: Write }>(
        recorder('AMR'),
        MARKET_RECORD,
        penaltyDecision,
      );
      expect(penalty.data?.marketRecordDecision.outcome).toBe('INSERTED');
      await collect();
      const published = async () =>
        (
          await ask<{ publicDisclosures: { nodes: { decisionNo: string }[] } }>(
            who('AMR', ['officer']),
            DISCLOSURES,
            { from: addDays(today, -10) },
            'ADMIN_ENFORCEMENT',
          )
        ).data?.publicDisclosures.nodes.map((node) => node.decisionNo);
      expect(await published()).toContain(decisionNo);
      expect((await profile(personId))?.creditRecords.map((r) => r.decisionNo)).toContain(
        decisionNo,
      );

      const revoked = await ask<{ marketRevokeDecision: Write }>(recorder('AMR'), MARKET_REVOKE, {
        kind: 'penalties',
        no: decisionNo,
        on: today,
      });
      expect(revoked.data?.marketRevokeDecision).toEqual({
        decisionNo,
        outcome: 'REVOKED',
        version: 2,
      });
      // Recording it again is refused as revoked, not answered as unchanged.
      const again = await ask(recorder('AMR'), MARKET_RECORD, penaltyDecision);
      expect(again.errors?.[0].extensions?.problems).toEqual([
        { field: 'decisionNo', reason: expect.stringContaining(`was revoked on ${today}`) },
      ]);
      await collect();
      expect(await published()).not.toContain(decisionNo);
      expect((await profile(personId))?.creditRecords.map((r) => r.decisionNo)).not.toContain(
        decisionNo,
      );
    });
    it('publishes a tax late-filing penalty of the general procedure as a general record, and not one of the simple procedure', async () => {
      // A person no other case writes for.
      const personId = system().scenarios.good_and_general_bad[0];
      const lateFiling = (decisionNo: string, procedure: string) => ({
        kind: 'violations',
        values: values({
          personId,
          partyName: '测试当事人',
          decisionNo,
          violationKind: 'LATE_FILING',
          decidedAt: addDays(today, -2),
          description: '未按期办理个人所得税综合所得汇算清缴申报',
          penaltyAmount: procedure === 'SIMPLE' ? '200' : '1500',
          procedure,
        }),
      });
      const general = '通税罚〔2026〕9101号';
      const simple = '通税简罚〔2026〕9102号';
      for (const [decisionNo, procedure] of [
        [general, 'GENERAL'],
        [simple, 'SIMPLE'],
      ]) {
        const written = await ask<{ taxRecordDecision: Write }>(
          recorder('TAX'),
          RECORD,
          lateFiling(decisionNo, procedure),
        );
        expect(written.data?.taxRecordDecision.outcome).toBe('INSERTED');
      }
      await collect();
      const disclosed = await ask<{
        publicDisclosures: { nodes: { decisionNo: string; dept: string }[] };
      }>(who('TAX', ['officer']), DISCLOSURES, { from: addDays(today, -5) }, 'ADMIN_ENFORCEMENT');
      const numbers = disclosed.data?.publicDisclosures.nodes.map((node) => node.decisionNo);
      expect(numbers).toContain(general);
      expect(numbers).not.toContain(simple);
      const records = (await profile(personId))?.creditRecords.filter((record) =>
        [general, simple].includes(record.decisionNo ?? ''),
      );
      expect(records?.map((r) => [r.decisionNo, r.catalogCode]).sort()).toEqual(
        [
          [general, 'TAX_PENALTY'],
          [simple, 'TAX_LATE_FILING'],
        ].sort(),
      );
    });

    it('imports a batch as the department system: bad rows rejected with row, field and reason, good rows written; a dry run writes nothing; a re-run changes nothing', async () => {
      const amrSystem = who('AMR', ['approval-system'], 'system');
      const [first, second] = [system().scenarios.clean[0], system().scenarios.clean_3y[0]];
      const licence = (
        row: number,
        personId: string,
        extra: Record<string, string | null> = {},
      ) => ({
        rowNumber: row,
        values: values({
          personId,
          partyName: '批量当事人',
          decisionNo: `通市监许〔2026〕${9100 + row}号`,
          licenceKind: 'FOOD_BUSINESS',
          licenceNo: `JY15119210${9100 + row}`,
          issuedAt: addDays(today, -5),
          validUntil: addDays(today, 5 * 365),
          authority: '通江县市场监督管理局',
          ...extra,
        }),
      });
      const rows = [
        licence(2, first),
        licence(3, second),
        licence(4, first, { licenceKind: 'FIREWORKS' }),
        licence(5, first, { issuedAt: addDays(today, 2) }),
        licence(6, first, { authority: '通江县税务局' }),
        licence(7, first, { partyName: null }),
      ];
      type Batch = {
        marketImport: { inserted: number; updated: number; unchanged: number; rejected: unknown[] };
      };
      const rejected = [
        { rowNumber: 4, field: 'licenceKind', reason: expect.stringContaining('not one of') },
        { rowNumber: 5, field: 'issuedAt', reason: expect.stringContaining('in the future') },
        { rowNumber: 6, field: 'authority', reason: 'row of another department (TAX)' },
        { rowNumber: 7, field: 'partyName', reason: 'required' },
      ];
      const dry = await runTrusted<Batch>(amrSystem, 'market-import', {
        kind: 'licences',
        rows,
        dryRun: true,
      });
      expect(dry.errors).toBeUndefined();
      expect(dry.data?.marketImport).toEqual({
        kind: 'licences',
        inserted: 2,
        updated: 0,
        unchanged: 0,
        rejected,
      });
      const real = await runTrusted<Batch>(amrSystem, 'market-import', { kind: 'licences', rows });
      expect(real.data?.marketImport).toEqual({
        kind: 'licences',
        inserted: 2,
        updated: 0,
        unchanged: 0,
        rejected,
      });
      const again = await runTrusted<Batch>(amrSystem, 'market-import', { kind: 'licences', rows });
      expect(again.data?.marketImport).toEqual({
        kind: 'licences',
        inserted: 0,
        updated: 0,
        unchanged: 2,
        rejected,
      });

      const tooMany = Array.from({ length: 501 }, (_, i) => licence(i + 2, first));
      const refused = await runTrusted(amrSystem, 'market-import', {
        kind: 'licences',
        rows: tooMany,
      });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'Batch too large: 501 rows, at most 500 per batch (split the file into batches).',
        extensions: { code: 'BAD_USER_INPUT', limit: 'maxRows', max: 500, measured: 501 },
      });
      // A row the database refuses (here a constraint added for the test) is that row's
      // rejection; the rows around it are written, reported and audited.
      const market = system().departmentDb('market');
      await market.query(
        `ALTER TABLE market.licenses ADD CONSTRAINT test_refused_licence
           CHECK (license_no <> 'JY151192109202') NOT VALID`,
      );
      // Decision numbers and licence numbers 9201-9203; the database refuses 9202.
      const around = [licence(101, first), licence(102, second), licence(103, first)];
      try {
        const partial = await runTrusted<Batch>(amrSystem, 'market-import', {
          kind: 'licences',
          rows: around,
        });
        expect(partial.errors).toBeUndefined();
        expect(partial.data?.marketImport).toEqual({
          kind: 'licences',
          inserted: 2,
          updated: 0,
          unchanged: 0,
          rejected: [
            {
              rowNumber: 102,
              field: null,
              reason: expect.stringContaining('could not be written'),
            },
          ],
        });
      } finally {
        await market.query('ALTER TABLE market.licenses DROP CONSTRAINT test_refused_licence');
      }
      const auditedRows = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'market'
           AND payload::text ~ '通市监许〔2026〕92(01|02|03)号'`,
      );
      // All three attempted (audited before any was written); two written.
      const audited = auditedRows
        .flatMap((row) => row.payload.resolved?.flatMap((r) => r.writes ?? []) ?? [])
        .map((write) => `${write.kind} ${write.decisionNo} ${write.outcome}`)
        .sort();
      expect(audited).toEqual(
        [
          ['9201', 'ATTEMPTED'],
          ['9201', 'INSERTED'],
          ['9202', 'ATTEMPTED'],
          ['9203', 'ATTEMPTED'],
          ['9203', 'INSERTED'],
        ].map(([n, outcome]) => `licences 通市监许〔2026〕${n}号 ${outcome}`),
      );

      // Another department's system may not run it, trusted document or not.
      const tax = await runTrusted(who('TAX', ['approval-system'], 'system'), 'market-import', {
        kind: 'licences',
        rows,
      });
      expect(errorLines(tax)).toEqual(['FORBIDDEN default-deny']);
    });

    it('a settlement corrected to another arrear re-opens the first on the profile and ends the second; revoked, it re-opens the second', async () => {
      const personId = system().scenarios.clean[0];
      for (const no of ['通税通〔2026〕9201号', '通税通〔2026〕9202号']) {
        const recorded = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, {
          kind: 'arrears',
          values: values(arrear(personId, no)),
        });
        expect(recorded.data?.taxRecordDecision.outcome).toBe('INSERTED');
      }
      const settlement = {
        personId,
        decisionNo: '完税〔2026〕9201号',
        arrearDecisionNo: '通税通〔2026〕9201号',
        paidAt: addDays(today, -1),
      };
      const settled = await ask<{ taxRecordDecision: Write }>(recorder('TAX'), RECORD, {
        kind: 'arrear-settlements',
        values: values(settlement),
      });
      expect(settled.data?.taxRecordDecision.outcome).toBe('ENDED');
      const statusOf = async () => {
        const records = (await profile(personId))?.creditRecords ?? [];
        return ['通税通〔2026〕9201号', '通税通〔2026〕9202号'].map(
          (no) => records.find((r) => r.decisionNo === no)?.status,
        );
      };
      await collect();
      expect(await statusOf()).toEqual(['PERFORMED', 'ACTIVE']);

      const corrected = await ask<{ taxCorrectDecision: Write }>(recorder('TAX'), CORRECT, {
        kind: 'arrear-settlements',
        values: values({ ...settlement, arrearDecisionNo: '通税通〔2026〕9202号' }),
      });
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data?.taxCorrectDecision.outcome).toBe('CORRECTED');
      await collect();
      expect(await statusOf()).toEqual(['ACTIVE', 'PERFORMED']);

      const revoked = await ask<{ taxRevokeDecision: Write }>(recorder('TAX'), TAX_REVOKE, {
        kind: 'arrear-settlements',
        no: '完税〔2026〕9201号',
        on: today,
      });
      expect(revoked.data?.taxRevokeDecision.outcome).toBe('REVOKED');
      await collect();
      expect(await statusOf()).toEqual(['ACTIVE', 'ACTIVE']);
    });

    it('a correction to another person is audited under both, so the first finds it under their own HMAC', async () => {
      const [first, second] = [system().scenarios.clean[0], system().scenarios.clean_3y[0]];
      const decisionNo = '通税通〔2026〕9203号';
      await ask(recorder('TAX'), RECORD, {
        kind: 'arrears',
        values: values(arrear(first, decisionNo)),
      });
      const corrected = await ask<{ taxCorrectDecision: Write }>(recorder('TAX'), CORRECT, {
        kind: 'arrears',
        values: values(arrear(second, decisionNo)),
      });
      expect(corrected.data?.taxCorrectDecision.outcome).toBe('CORRECTED');
      const rows = await system().auditDb.query<AuditRow>(
        `SELECT writer, payload FROM audit.entries WHERE writer = 'tax'
           AND payload::text LIKE '%通税通〔2026〕9203号%' ORDER BY seq`,
      );
      const subjects = rows.map((row) => row.payload.resolved?.map((r) => r.subject.hmac));
      // Recorded about the first (attempted, inserted), corrected about both (attempted, done).
      expect(subjects.map((hmacs) => hmacs?.length)).toEqual([1, 1, 2, 2]);
      const firstHmac = subjects[0]?.[0];
      expect(subjects[2]?.[0]).toBe(firstHmac);
      expect(subjects[3]?.[0]).toBe(firstHmac);
      expect(subjects[3]?.[1]).not.toBe(firstHmac);
      expect(rows[3].payload.resolved?.[0].writes).toEqual([
        { kind: 'arrears', decisionNo, outcome: 'CORRECTED' },
      ]);
      for (const row of rows) {
        expect(JSON.stringify(row.payload)).not.toContain(first);
        expect(JSON.stringify(row.payload)).not.toContain(second);
      }
    });

    it('the household register records a death; the education bureau records an adult integrity record and refuses a minor one', async () => {
      const personId = system().scenarios.clean[0];
      const died = await ask<{ populationRecordDecision: Write }>(
        recorder('PSB'),
        `mutation ($values: [ImportValueInput!]!) {
          populationRecordDecision(kind: "household-changes", values: $values) { outcome version }
        }`,
        {
          values: values({
            personId,
            decisionNo: '通公户〔2026〕9001号',
            householdStatus: 'DECEASED',
            changedAt: today,
          }),
        },
      );
      expect(died.data?.populationRecordDecision).toEqual({ outcome: 'INSERTED', version: 1 });
      const status = await ask<{ person: { householdStatus: string } }>(
        who('PSB', ['officer']),
        'query ($id: ID!) { person(id: $id) { householdStatus } }',
        { id: personId },
        'ADMIN_ENFORCEMENT',
      );
      expect(status.data?.person.householdStatus).toBe('DECEASED');

      const adultId = system().scenarios.clean_3y[0];
      const integrity = (decidedAt: string) =>
        ask(
          recorder('EDU'),
          `mutation ($values: [ImportValueInput!]!) {
          educationRecordDecision(kind: "integrity-records", values: $values) { outcome }
        }`,
          {
            values: values({
              personId: adultId,
              decisionNo: `通教诚〔2026〕${decidedAt}号`,
              recordKind: 'EXAM_CHEATING',
              institution: '通江中学',
              decidedAt,
              description: '考试作弊',
            }),
          },
        );
      expect((await integrity(addDays(today, -1))).data).toEqual({
        educationRecordDecision: { outcome: 'INSERTED' },
      });
      // A date in the person's first year of life, whatever birth date the seed gave them.
      const born = await ask<{ person: { birthDate: string } }>(
        who('PSB', ['officer']),
        'query ($id: ID!) { person(id: $id) { birthDate } }',
        { id: adultId },
        'ADMIN_ENFORCEMENT',
      );
      const birthDate = born.data?.person.birthDate ?? '';
      expect(birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const minor = await integrity(addDays(birthDate, 30));
      expect(minor.errors?.[0].extensions?.problems).toEqual([
        { field: 'decidedAt', reason: 'the person was not yet 18 on this date: not kept' },
      ]);
    });
  });
}
