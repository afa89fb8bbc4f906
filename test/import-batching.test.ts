import { makeCitizenId } from '../lib/ids/citizen-id';
import type { Database } from '../subgraphs/kit/db/database';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { marketSubgraph } from '../subgraphs/market';
import { postGraphQL } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity } from './support/test-security';
import type { Caller } from '../lib/auth/caller';

const security = createTestSecurity();

/** The market bureau's import account, as the gateway forwards it. */
const IMPORTER: Caller = {
  sub: 'import-amr',
  dept: 'AMR',
  roles: [],
  clientType: 'system',
  purpose: 'DATA_ENTRY',
  caseRef: 'IMPORT-TEST-BATCH',
};

const IMPORT = `mutation Import($kind: String!, $rows: [ImportRowInput!]!, $dryRun: Boolean) {
  marketImport(kind: $kind, rows: $rows, dryRun: $dryRun) {
    inserted updated unchanged rejected { rowNumber field reason }
  }
}`;

interface BatchResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { rowNumber: number; field: string | null; reason: string }[];
}

type Values = Record<string, string>;

/** Penalty `n` of a series: a distinct person, number and amount per row. */
function penalty(series: string, n: number): Values {
  return {
    personId: makeCitizenId('511921', '1980-01-01', (n % 900) + 1),
    partyName: `测试${n}`,
    decisionNo: `通市监罚〔2025〕${series}${n}号`,
    penaltyKind: 'FINE',
    decidedAt: '2025-03-05',
    amount: `${100 + n}.50`,
    reason: '未按规定公示食品经营许可信息',
  };
}

const rowsOf = (valuesList: readonly Values[]) =>
  valuesList.map((values, index) => ({
    rowNumber: index + 2,
    values: Object.entries(values).map(([field, value]) => ({ field, value })),
  }));

describe.each(DB_MODES)('a batch import is written in one transaction on %s', (mode) => {
  let databases: TestDatabases;
  let db: Database;
  let service: RunningSubgraph;

  async function importBatch(kind: string, valuesList: readonly Values[], dryRun = false) {
    const headers = await security.gatewayHeaders('market', IMPORTER);
    const result = await postGraphQL<{ marketImport: BatchResult }>(
      service.url,
      IMPORT,
      { kind, rows: rowsOf(valuesList), dryRun },
      headers,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.marketImport as BatchResult;
  }

  /** Runs `work` and returns it with the statements it sent to the market database. */
  async function counted<T>(work: () => Promise<T>): Promise<{ value: T; statements: number }> {
    const before = db.statements;
    const value = await work();
    return { value, statements: db.statements - before };
  }

  const countWhere = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(sql, params))[0].n);

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['market']);
    db = databases.dbs.market;
    service = await startSubgraph(marketSubgraph, {
      db,
      ownsDatabase: false,
      security: await security.subgraph('market'),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('takes a seeded penalty in a batch as the same decision, not a second one', async () => {
    // As the seed writes it: in the bureau's table, not in the ledger.
    const seeded = penalty('S', 1);
    await db.query(
      `INSERT INTO market.penalties (id, person_id, decision_no, decided_at, kind, amount, reason,
         status, simple_procedure)
       VALUES ('seeded-penalty-s1', $1, $2, $3, 'FINE', $4, $5, 'ACTIVE', false)`,
      [seeded.personId, seeded.decisionNo, seeded.decidedAt, seeded.amount, seeded.reason],
    );
    const batch = [seeded, penalty('S', 2), penalty('S', 3)];
    expect(await importBatch('penalties', batch)).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 1,
      rejected: [],
    });
    expect(
      await countWhere(`SELECT count(*) AS n FROM market.penalties WHERE decision_no = $1`, [
        seeded.decisionNo,
      ]),
    ).toBe(1);
    // Other content under the seeded number is refused like any recorded decision's.
    const changed = { ...seeded, amount: '999.00' };
    expect((await importBatch('penalties', [changed])).rejected).toEqual([
      {
        rowNumber: 2,
        field: 'amount',
        reason: 'this decision is already recorded with a different amount (correct it explicitly)',
      },
    ]);
  });

  it('writes 200 new penalties with 8 statements, and reads them again with 1', async () => {
    const batch = Array.from({ length: 200 }, (_, n) => penalty('A', n));
    const first = await counted(() => importBatch('penalties', batch));
    expect(first.value).toEqual({ inserted: 200, updated: 0, unchanged: 0, rejected: [] });
    // Lock the known numbers, look them up among the seeded penalties, savepoint, ledger with
    // versions, penalties, credit feed, disclosure feed, release: the same 8 for 2 rows or 500.
    expect(first.statements).toBe(8);
    const again = await counted(() => importBatch('penalties', batch));
    expect(again.value).toEqual({ inserted: 0, updated: 0, unchanged: 200, rejected: [] });
    expect(again.statements).toBe(1);
    expect(
      await countWhere(
        `SELECT count(*) AS n FROM market.decision_versions WHERE decision_no LIKE $1`,
        ['%〔2025〕A%'],
      ),
    ).toBe(200);
    expect(
      await countWhere(
        `SELECT count(*) AS n FROM market.disclosure_feed WHERE decision_no LIKE $1`,
        ['%〔2025〕A%'],
      ),
    ).toBe(200);
  });

  it('refuses a number recorded with other content alone, and imports the rest', async () => {
    const recorded = penalty('B', 1);
    await importBatch('penalties', [recorded]);
    const batch = [
      penalty('B', 0),
      { ...recorded, amount: '999.00' },
      penalty('B', 2),
      penalty('B', 2),
    ];
    const { value, statements } = await counted(() => importBatch('penalties', batch));
    expect(value).toEqual({
      inserted: 2,
      updated: 0,
      // The repeated row compares with the first of its number, written just before it.
      unchanged: 1,
      rejected: [
        {
          rowNumber: 3,
          field: 'amount',
          reason:
            'this decision is already recorded with a different amount (correct it explicitly)',
        },
      ],
    });
    // The 7 of the batch, then the repeated row on its own: savepoint, lock, lock to compare,
    // release.
    expect(statements).toBe(11);
    expect(
      await countWhere(`SELECT count(*) AS n FROM market.penalties WHERE decision_no = $1`, [
        recorded.decisionNo,
      ]),
    ).toBe(1);
  });

  it('refuses a row the department tables cannot take alone, keeping nothing of it', async () => {
    const penalties = [penalty('C', 0), penalty('C', 1)];
    await importBatch('penalties', penalties);
    const revocation = (n: number, penaltyDecisionNo: string, personId: string): Values => ({
      personId,
      decisionNo: `通市监撤〔2025〕C${n}号`,
      penaltyDecisionNo,
      revokedAt: '2025-04-01',
    });
    const batch = [
      revocation(0, penalties[0].decisionNo, penalties[0].personId),
      revocation(1, '通市监罚〔2025〕无此号', penalties[0].personId),
      revocation(2, penalties[1].decisionNo, penalties[1].personId),
    ];
    expect(await importBatch('penalty-revocations', batch)).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          rowNumber: 3,
          field: 'penaltyDecisionNo',
          reason: 'no penalty of this person with this number',
        },
      ],
    });
    expect(
      await countWhere(`SELECT count(*) AS n FROM market.decisions WHERE decision_no = $1`, [
        batch[1].decisionNo,
      ]),
    ).toBe(0);
    expect(
      await countWhere(
        `SELECT count(*) AS n FROM market.penalties WHERE decision_no = ANY($1) AND status = 'REVOKED'`,
        [penalties.map((p) => p.decisionNo)],
      ),
    ).toBe(2);
  });

  it('writes nothing in a dry run, yet answers as the import would', async () => {
    const batch = [penalty('D', 0), penalty('D', 1), penalty('D', 1)];
    const before = await countWhere(`SELECT count(*) AS n FROM market.decisions`, []);
    expect(await importBatch('penalties', batch, true)).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 1,
      rejected: [],
    });
    expect(await countWhere(`SELECT count(*) AS n FROM market.decisions`, [])).toBe(before);
  });
});
