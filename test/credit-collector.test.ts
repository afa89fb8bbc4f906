import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { createCreditCollector } from '../subgraphs/credit/collector/create-credit-collector';
import { CREDIT_SOURCES } from '../subgraphs/credit/collector/credit-sources';
import { createCreditSubgraph } from '../subgraphs/credit';
import { loadCreditRules } from '../subgraphs/credit/rules/load-credit-rules';
import { createCreditStore } from '../subgraphs/credit/store';
import type { Database, Queryable } from '../subgraphs/kit/db/database';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { taxSubgraph } from '../subgraphs/tax';
import { planTaxRecords, seedTax } from '../subgraphs/tax/seed';
import { postGraphQL } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const AS_OF = '2025-06-15';
const HOUR = 60 * 60 * 1000;

function resident(index: number, scenario: Scenario | 'background'): SyntheticPerson {
  return {
    index,
    id: makeCitizenId('511921', '19850315', 100 + index),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate: '1985-03-15',
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: '1985-03-15',
    scenario,
    seed: 7_000 + index,
  };
}

const SCENARIO_PERSONS: (Scenario | 'background')[] = [
  'tax_arrears',
  'repaired',
  'good_record_red_list',
  'clean',
  'clean_3y',
];
const PERSONS = [
  ...SCENARIO_PERSONS.map((scenario, index) => resident(index, scenario)),
  ...Array.from({ length: 55 }, (_, i) => resident(SCENARIO_PERSONS.length + i, 'background')),
];
const [ARREARS_PERSON, REPAIRED_PERSON, RED_LIST_PERSON, CLEAN_PERSON] = PERSONS;

/** A URL where a service used to listen: requests to it are refused, as to a stopped source. */
async function stoppedServiceUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

/** The credit database with a crash injected after the `crashAt`-th transaction's writes. */
function crashingDatabase(db: Database, crashAt: number): Database {
  let transactions = 0;
  return {
    kind: db.kind,
    get statements() {
      return db.statements;
    },
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction<T>(work: (tx: Queryable & Pick<Database, 'exec'>) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        const value = await work(tx);
        transactions += 1;
        if (transactions === crashAt) throw new Error(`simulated crash in transaction ${crashAt}`);
        return value;
      });
    },
    close: async () => undefined,
  };
}

interface EntitiesData {
  _entities: {
    creditRecords: Record<string, unknown>[];
    creditProfile: {
      score: number;
      level: string;
      levelName: string;
      breakdown: { recordId: string; catalogCode: string; points: number; reason: string }[];
      sources: Record<string, unknown>[];
      computedAt: string;
      asOf: string;
      rulesVersion: string;
    };
  }[];
}

const ENTITIES_QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
  creditRecords { id catalogCode category sourceDept title decidedAt decisionNo status
    statusChangedAt displayUntil }
  creditProfile { score level levelName breakdown { recordId catalogCode points reason }
    sources { dept lastSuccessAt lastAttemptAt stale lastError } computedAt asOf rulesVersion }
} } }`;

describe.each(DB_MODES)('credit collector over HTTP on %s', (mode) => {
  const rules = loadCreditRules();
  // The default policy: the collector reads feeds with its own signed identity, and the credit
  // platform's officers (NDRC) see records and profiles.
  const security = createTestSecurity();
  let clock = new Date(`${AS_OF}T04:00:00.000Z`);
  let databases: TestDatabases;
  let tax: RunningSubgraph | undefined;
  let credit: RunningSubgraph;
  let courtUrl: string;
  const creditModule = createCreditSubgraph({
    collectOnStart: false,
    collector: { pageSize: 4, log: () => undefined },
    log: () => undefined,
  });

  const entities = async (persons: readonly SyntheticPerson[]) =>
    postGraphQL<EntitiesData>(
      credit.url,
      ENTITIES_QUERY,
      { r: persons.map((person) => ({ __typename: 'Person', id: person.id })) },
      await security.gatewayHeaders('credit', officer('NDRC')),
    );
  const storedRecords = () =>
    databases.dbs.credit.query(
      `SELECT id, person_id, catalog_code, status, status_changed_at, change_seq, collected_at
       FROM credit.records ORDER BY id`,
    );
  /** The tax feed as the collector pages through it: cursors and record ids in feed order. */
  const taxFeed = async () => {
    const rows = await databases.dbs.tax.query<{ seq: string; record: string }>(
      'SELECT change_seq::text AS seq, source_record_id AS record FROM tax.credit_feed ORDER BY change_seq',
    );
    return {
      entries: rows.length,
      records: new Set(rows.map((row) => row.record)).size,
      cursorAfter: (count: number) => rows[count - 1].seq,
      /** Records an upsert touches paging `from` entries on by `size`: distinct ids per page. */
      changedPaging: (size: number, from = 0, to = rows.length) => {
        let changed = 0;
        for (let start = from; start < to; start += size) {
          const page = rows.slice(start, Math.min(start + size, to));
          changed += new Set(page.map((row) => row.record)).size;
        }
        return changed;
      },
      distinctRecords: (count: number) =>
        new Set(rows.slice(0, count).map((row) => row.record)).size,
    };
  };

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['tax', 'credit']);
    tax = await startSubgraph(taxSubgraph, {
      db: databases.dbs.tax,
      ownsDatabase: false,
      security: await security.subgraph('tax'),
    });
    await seedTax(databases.dbs.tax, PERSONS, AS_OF);
    courtUrl = await stoppedServiceUrl();
    credit = await startSubgraph(creditModule, {
      db: databases.dbs.credit,
      ownsDatabase: false,
      security: await security.subgraph('credit'),
      environment: {
        subgraphUrls: { tax: tax.url, court: courtUrl },
        now: () => clock,
        serviceHeaders: security.serviceHeaders,
      },
    });
  });

  afterAll(async () => {
    await credit?.stop();
    await tax?.stop();
    await databases?.close();
  });

  it('collects the tax feed, and a second pass changes nothing', async () => {
    const feed = await taxFeed();
    expect(feed.entries).toBeGreaterThan(8);
    const first = await creditModule.collectOnce();
    expect(first.map((report) => report.dept)).toEqual([
      'TAX',
      'COURT',
      'AMR',
      'EDU',
      'HRSS',
      'HEALTH',
      'JUSTICE',
      'PSB',
    ]);
    expect(first[0]).toEqual({
      dept: 'TAX',
      pages: Math.ceil(feed.entries / 4),
      entries: feed.entries,
      changed: feed.changedPaging(4),
      cursor: feed.cursorAfter(feed.entries),
      error: null,
    });
    const before = await storedRecords();
    expect(before).toHaveLength(feed.records);

    const second = await creditModule.collectOnce();
    expect(second[0]).toEqual({
      dept: 'TAX',
      pages: 1,
      entries: 0,
      changed: 0,
      cursor: feed.cursorAfter(feed.entries),
      error: null,
    });
    expect(await storedRecords()).toEqual(before);
  });

  it('shows the tax_arrears person their record and a score explained by it', async () => {
    const arrear = planTaxRecords(PERSONS, AS_OF).arrears.find(
      (candidate) => candidate.personId === ARREARS_PERSON.id,
    );
    if (!arrear) throw new Error('the tax seed made no arrears for the tax_arrears person');
    const result = await entities([ARREARS_PERSON]);
    expect(result.errors).toBeUndefined();
    const [person] = result.data?._entities ?? [];
    expect(person.creditRecords).toEqual([
      {
        id: `TAX:${arrear.id}`,
        catalogCode: 'TAX_ARREARS',
        category: 'GENERAL_BAD',
        sourceDept: 'TAX',
        // The catalog's name: the amount and tax type stay with the tax bureau.
        title: '欠缴税款',
        decidedAt: arrear.since,
        decisionNo: arrear.decisionNo,
        status: 'ACTIVE',
        statusChangedAt: null,
        // Unpaid: displayed until paid, however long that takes (catalog displayWhileOutstanding).
        displayUntil: null,
      },
    ]);
    const at = clock.toISOString();
    expect(person.creditProfile).toEqual({
      score: 970,
      level: 'A',
      levelName: '一般',
      breakdown: [
        {
          recordId: `TAX:${arrear.id}`,
          catalogCode: 'TAX_ARREARS',
          points: -30,
          reason: `欠缴税款 (TAX_ARREARS, GENERAL_BAD, decided ${arrear.since}): -30`,
        },
      ],
      sources: [
        { dept: 'TAX', lastSuccessAt: at, lastAttemptAt: at, stale: false, lastError: null },
        {
          dept: 'COURT',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: `court courtCreditFeed at ${courtUrl}: fetch failed (ECONNREFUSED)`,
        },
        {
          dept: 'AMR',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "market" in environment.subgraphUrls',
        },
        {
          dept: 'EDU',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "education" in environment.subgraphUrls',
        },
        {
          dept: 'HRSS',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "hrss" in environment.subgraphUrls',
        },
        {
          dept: 'HEALTH',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "health" in environment.subgraphUrls',
        },
        {
          dept: 'JUSTICE',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "justice" in environment.subgraphUrls',
        },
        // The household register is a source of every credit decision too.
        {
          dept: 'PSB',
          lastSuccessAt: null,
          lastAttemptAt: at,
          stale: true,
          lastError: 'no URL for subgraph "population" in environment.subgraphUrls',
        },
      ],
      computedAt: at,
      asOf: AS_OF,
      rulesVersion: rules.rulesVersion,
    });
    const { score, breakdown } = person.creditProfile;
    expect(score).toBe(rules.base + breakdown.reduce((sum, line) => sum + line.points, 0));
  });

  it('scores a repaired, a red-listed and a clean person', async () => {
    const result = await entities([REPAIRED_PERSON, RED_LIST_PERSON, CLEAN_PERSON]);
    expect(result.errors).toBeUndefined();
    const summary = result.data?._entities.map((person) => ({
      records: person.creditRecords.map((record) => [record.catalogCode, record.status]),
      score: person.creditProfile.score,
      level: person.creditProfile.level,
    }));
    expect(summary).toEqual([
      // Paid arrears stay displayed for the full period until a repair ends them.
      { records: [['TAX_ARREARS', 'PERFORMED']], score: 970, level: 'A' },
      { records: [['TAX_A_LEVEL', 'ACTIVE']], score: 1020, level: 'AA' },
      { records: [], score: 1000, level: 'AA' },
    ]);
  });

  it('resumes from the last committed page after a crash mid-page, idempotently', async () => {
    const feed = await taxFeed();
    const expected = await storedRecords();
    const db = databases.dbs.credit;
    await createCreditStore(db).resetCollection();
    const taxOnly = {
      subgraphUrls: { tax: tax?.url ?? '' },
      sources: CREDIT_SOURCES.filter((source) => source.dept === 'TAX'),
      pageSize: 2,
      now: () => clock,
      requestHeaders: security.serviceHeaders,
      log: () => undefined,
    };

    const crashing = createCreditCollector({
      ...taxOnly,
      store: createCreditStore(crashingDatabase(db, 3)),
    });
    const [crashed] = await crashing.collectOnce();
    expect(crashed).toEqual({
      dept: 'TAX',
      pages: 2,
      entries: 4,
      changed: feed.changedPaging(2, 0, 4),
      cursor: feed.cursorAfter(4),
      error: 'simulated crash in transaction 3',
    });
    // The third page's writes were rolled back with its cursor.
    expect(
      await db.query('SELECT cursor, last_success_at, last_error FROM credit.collection_state'),
    ).toEqual([
      {
        cursor: feed.cursorAfter(4),
        last_success_at: null,
        last_error: 'simulated crash in transaction 3',
      },
    ]);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM credit.records');
    expect(n).toBe(feed.distinctRecords(4));

    const healthy = createCreditCollector({ ...taxOnly, store: createCreditStore(db) });
    const [resumed] = await healthy.collectOnce();
    expect(resumed).toEqual({
      dept: 'TAX',
      pages: Math.ceil((feed.entries - 4) / 2),
      entries: feed.entries - 4,
      changed: feed.changedPaging(2, 4),
      cursor: feed.cursorAfter(feed.entries),
      error: null,
    });
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map(({ collected_at: _collected, ...row }) => row);
    expect(strip(await storedRecords())).toEqual(strip(expected));

    // Replaying the whole feed over stored records changes nothing.
    await db.query(`UPDATE credit.collection_state SET cursor = NULL`);
    const [replayed] = await healthy.collectOnce();
    expect(replayed).toEqual({
      dept: 'TAX',
      pages: Math.ceil(feed.entries / 2),
      entries: feed.entries,
      changed: 0,
      cursor: feed.cursorAfter(feed.entries),
      error: null,
    });
  });

  it('answers creditProfile and creditRecords for 50 persons with one records statement', async () => {
    const persons = PERSONS.slice(0, 50);
    const before = databases.dbs.credit.statements;
    const result = await entities(persons);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(50);
    // One statement for the records of all 50 persons, one for their objections and repairs
    // (issue 5), one for the collection states.
    expect(databases.dbs.credit.statements - before).toBe(3);
    for (const person of result.data?._entities ?? []) {
      const { score, breakdown } = person.creditProfile;
      expect(score).toBe(rules.base + breakdown.reduce((sum, line) => sum + line.points, 0));
    }
  });

  it('keeps serving records when the tax source stops, marking it failed and then stale', async () => {
    const lastSuccess = clock.toISOString();
    await tax?.stop();
    const taxUrl = tax?.url;
    tax = undefined;
    clock = new Date(clock.getTime() + 25 * HOUR);
    const [report] = await creditModule.collectOnce();
    const taxError = `tax taxCreditFeed at ${taxUrl}: fetch failed (ECONNREFUSED)`;
    expect(report).toMatchObject({ dept: 'TAX', pages: 0, error: taxError });

    const result = await entities([ARREARS_PERSON]);
    expect(result.errors).toBeUndefined();
    const [person] = result.data?._entities ?? [];
    expect(person.creditRecords.map((record) => record.catalogCode)).toEqual(['TAX_ARREARS']);
    expect(person.creditProfile.score).toBe(970);
    expect(person.creditProfile.sources[0]).toEqual({
      dept: 'TAX',
      lastSuccessAt: lastSuccess,
      lastAttemptAt: clock.toISOString(),
      stale: true,
      lastError: taxError,
    });
  });
});
