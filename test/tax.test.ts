import { makeCitizenId } from '../lib/ids/citizen-id';
import type { Database } from '../subgraphs/kit/db/database';
import { addDays } from '../subgraphs/kit/seed/random';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { taxSubgraph } from '../subgraphs/tax';
import type { TaxRecords } from '../subgraphs/tax/records';
import { planTaxRecords, seedTax } from '../subgraphs/tax/seed';
import { createTaxStore } from '../subgraphs/tax/store';
import { taxFeedHistory } from '../subgraphs/tax/tax-feed-entries';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const AS_OF = '2025-06-30';

const security = createTestSecurity();

/** The fixture persons first, then background residents. */
const SCENARIOS: Scenario[] = [
  'tax_arrears',
  'repaired',
  'clean_3y',
  'good_record_red_list',
  'clean',
  'serious_dishonest',
];

function resident(index: number): SyntheticPerson {
  const birthDate = addDays('1970-01-01', Math.floor(index / 900) * 97);
  return {
    index,
    id: makeCitizenId('511921', birthDate, (index % 900) + 1),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario: SCENARIOS[index] ?? 'background',
    seed: index * 7919 + 13,
  };
}

const TAX_INFO = `tax {
  creditLevel creditLevelYear
  arrears { id taxType amount since status paidAt decisionNo }
  violations { id kind decidedAt decisionNo description penaltyAmount status }
}`;

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${TAX_INFO} } } }`;

const FEED = `query ($after: String, $first: Int) {
  taxCreditFeed(after: $after, first: $first) {
    entries { sourceRecordId personId catalogCode decidedAt decisionNo status statusChangedAt changeSeq }
    endCursor hasMore
  }
}`;

interface FeedPage {
  taxCreditFeed: {
    entries: { sourceRecordId: string; status: string; changeSeq: string }[];
    endCursor: string;
    hasMore: boolean;
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `Person.tax` should answer for `personId` given the seeded records. */
function expectedTax(records: TaxRecords, personId: string) {
  const level = records.levels.find((l) => l.personId === personId);
  return {
    creditLevel: level?.level ?? null,
    creditLevelYear: level?.year ?? null,
    arrears: records.arrears
      .filter((a) => a.personId === personId)
      .sort((a, b) => compare(b.since, a.since) || compare(a.id, b.id))
      .map(({ personId: _, ...arrear }) => arrear),
    violations: records.violations
      .filter((v) => v.personId === personId)
      .sort((a, b) => compare(b.decidedAt, a.decidedAt) || compare(a.id, b.id))
      // The procedure decides the catalog item and publication, and is not a field of the API.
      .map(({ personId: _, statusChangedAt: __, simpleProcedure: ___, ...violation }) => violation),
  };
}

/** Every row of the tax schema, the feed without its sequence numbers. */
async function snapshot(db: Database) {
  return {
    levels: await db.query('SELECT * FROM tax.credit_levels ORDER BY id'),
    arrears: await db.query('SELECT * FROM tax.arrears ORDER BY id'),
    violations: await db.query('SELECT * FROM tax.violations ORDER BY id'),
    feed: await db.query(
      `SELECT source_record_id, person_id, catalog_code, decided_at::text, decision_no,
         status, status_changed_at::text FROM tax.credit_feed ORDER BY change_seq`,
    ),
  };
}

describe.each(DB_MODES)('tax subgraph over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let db: Database;
  let service: RunningSubgraph;
  const residents = Array.from({ length: 600 }, (_, i) => resident(i));
  const records = planTaxRecords(residents, AS_OF);

  /** POSTs as the tax bureau's own officer, signed as the gateway signs it. */
  async function asOfficer<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('tax', officer('TAX'));
    return postGraphQL<Data>(service.url, query, variables, headers);
  }

  /** POSTs as the credit collector, the only caller of the feed. */
  async function asCollector<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    return postGraphQL<Data>(service.url, query, variables, await security.serviceHeaders('tax'));
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['tax']);
    db = databases.dbs.tax;
    service = await startSubgraph(taxSubgraph, {
      db,
      ownsDatabase: false,
      security: await security.subgraph('tax'),
    });
    await seedTax(db, residents, AS_OF);
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('resolves 60 entity references with one statement per TaxInfo field', async () => {
    const persons = residents.slice(0, 60);
    const before = db.statements;
    const result = await asOfficer<{ _entities: unknown[] }>(ENTITIES, {
      r: persons.map((p) => ({ __typename: 'Person', id: p.id })),
    });
    expect(db.statements - before).toBe(3);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      persons.map((p) => ({ id: p.id, tax: expectedTax(records, p.id) })),
    );
    // The comparison above is not vacuous: the fixtures and some background persons have data.
    const withData = persons.filter((p) => {
      const tax = expectedTax(records, p.id);
      return tax.creditLevel !== null || tax.arrears.length > 0 || tax.violations.length > 0;
    });
    expect(withData.length).toBeGreaterThanOrEqual(10);
  });

  it('shows the fixtures: outstanding arrears, paid arrears, and an A level', async () => {
    const result = await asOfficer<{
      _entities: { tax: ReturnType<typeof expectedTax> }[];
    }>(ENTITIES, {
      r: residents.slice(0, 4).map((p) => ({ __typename: 'Person', id: p.id })),
    });
    const [arrears, repaired, clean3y, redList] = result.data?._entities ?? [];
    expect(arrears.tax.arrears.map((a) => [a.status, a.paidAt])).toEqual([['OUTSTANDING', null]]);
    expect(repaired.tax.arrears.map((a) => a.status)).toEqual(['PAID']);
    expect(clean3y.tax.arrears.map((a) => a.status)).toEqual(['PAID']);
    expect(redList.tax).toEqual({
      creditLevel: 'A',
      creditLevelYear: 2024,
      arrears: [],
      violations: [],
    });
  });

  it('gives a person the bureau holds nothing on an empty TaxInfo, not null', async () => {
    const unknown = makeCitizenId('511921', '19990101', 999);
    const result = await asOfficer(ENTITIES, {
      r: [residents[4].id, unknown].map((id) => ({ __typename: 'Person', id })),
    });
    const empty = { creditLevel: null, creditLevelYear: null, arrears: [], violations: [] };
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: residents[4].id, tax: empty },
        { id: unknown, tax: empty },
      ],
    });
  });

  it('loads only the fields asked for: the credit level alone costs one statement', async () => {
    const before = db.statements;
    const result = await asOfficer(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { tax { creditLevel creditLevelYear } } } }',
      { r: residents.slice(0, 60).map((p) => ({ __typename: 'Person', id: p.id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(db.statements - before).toBe(1);
  });

  it('refuses an invalid citizen id in a representation without touching the database', async () => {
    const before = db.statements;
    const result = await asOfficer(ENTITIES, {
      r: [{ __typename: 'Person', id: '51192119850315010X' }],
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'representations.id',
    });
    expect(db.statements).toBe(before);
  });

  it('pages through the whole feed in order, each record version once', async () => {
    const expected = taxFeedHistory(records);
    const seen: FeedPage['taxCreditFeed']['entries'] = [];
    let after: string | null = null;
    for (;;) {
      const result: GraphQLResponse<FeedPage> = await asCollector<FeedPage>(FEED, {
        after,
        first: 40,
      });
      expect(result.errors).toBeUndefined();
      const page = result.data?.taxCreditFeed;
      if (!page) throw new Error('no page');
      expect(page.entries.length).toBe(page.hasMore ? 40 : expected.length - seen.length);
      seen.push(...page.entries);
      if (page.entries.length > 0) expect(page.endCursor).toBe(seen[seen.length - 1].changeSeq);
      after = page.endCursor;
      if (!page.hasMore) break;
    }
    expect(expected.length).toBeGreaterThan(80);
    expect(seen.map(({ changeSeq: _, ...entry }) => entry)).toEqual(expected);
    const seqs = seen.map((entry) => Number(entry.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const end = await asCollector<FeedPage>(FEED, { after });
    expect(end.data?.taxCreditFeed).toEqual({ entries: [], endCursor: after, hasMore: false });
  });

  it('serves 500 entries by default', async () => {
    const result = await asCollector<FeedPage>(FEED);
    const total = taxFeedHistory(records).length;
    expect(result.data?.taxCreditFeed.entries).toHaveLength(Math.min(500, total));
    expect(result.data?.taxCreditFeed.hasMore).toBe(total > 500);
  });

  it.each([
    [{ after: 'abc' }, 'after'],
    [{ after: '-1' }, 'after'],
    [{ first: 0 }, 'first'],
    [{ first: 2001 }, 'first'],
  ])('refuses feed arguments %j as BAD_USER_INPUT', async (variables, argument) => {
    const result = await asCollector(FEED, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('publishes a payment as a later version of the same record', async () => {
    const head = await asCollector<FeedPage>(FEED, { first: 2000 });
    const cursor = head.data?.taxCreditFeed.endCursor ?? '';
    const arrear = records.arrears.find((a) => a.personId === residents[0].id);
    if (!arrear) throw new Error('tax_arrears fixture has no arrears');
    const active = head.data?.taxCreditFeed.entries.find((e) => e.sourceRecordId === arrear.id);
    expect(active?.status).toBe('ACTIVE');

    await createTaxStore(db).recordArrearPaid(arrear.id, AS_OF);

    const next = await asCollector<FeedPage>(FEED, { after: cursor });
    expect(next.data?.taxCreditFeed).toEqual({
      entries: [
        {
          sourceRecordId: arrear.id,
          personId: arrear.personId,
          catalogCode: 'TAX_ARREARS',
          decidedAt: arrear.since,
          decisionNo: arrear.decisionNo,
          status: 'PERFORMED',
          statusChangedAt: AS_OF,
          changeSeq: expect.any(String),
        },
      ],
      endCursor: expect.any(String),
      hasMore: false,
    });
    const performed = next.data?.taxCreditFeed.entries[0];
    expect(Number(performed?.changeSeq)).toBeGreaterThan(Number(active?.changeSeq));

    const person = await asOfficer<{ _entities: { tax: { arrears: unknown[] } }[] }>(ENTITIES, {
      r: [{ __typename: 'Person', id: arrear.personId }],
    });
    expect(person.data?._entities[0].tax.arrears).toEqual([
      { ...expectedTax(records, arrear.personId).arrears[0], status: 'PAID', paidAt: AS_OF },
    ]);
    await expect(createTaxStore(db).recordArrearPaid(arrear.id, AS_OF)).rejects.toThrow(
      /no outstanding arrears/,
    );
  });

  it('seeds 5,000 persons deterministically', async () => {
    const county = Array.from({ length: 5000 }, (_, i) => resident(i));
    await seedTax(db, county, AS_OF);
    const first = await snapshot(db);
    await seedTax(db, county, AS_OF);
    const second = await snapshot(db);
    expect(second).toEqual(first);
    expect(first.arrears.length).toBeGreaterThan(200);
    expect(first.feed.map((row) => row.source_record_id)).toEqual(
      taxFeedHistory(planTaxRecords(county, AS_OF)).map((entry) => entry.sourceRecordId),
    );
  });

  it('answers a request without an internal context token with 401 and no data', async () => {
    const before = db.statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { tax { arrears { amount } } } } }',
      { r: [{ __typename: 'Person', id: residents[0].id }] },
    );
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(db.statements).toBe(before);
  });

  it("denies another department's officer the tax records: FORBIDDEN, default-deny", async () => {
    const before = db.statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { tax { arrears { amount } } } } }',
      { r: [{ __typename: 'Person', id: residents[0].id }] },
      await security.gatewayHeaders('tax', officer('COURT')),
    );
    expect(result.data).toEqual({ _entities: [{ tax: null }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['_entities', 0, 'tax']);
    // Apollo adds `stacktrace` outside production only (toEqual skips an undefined key); the
    // contract is the rest, exactly.
    expect({ ...result.errors?.[0].extensions, stacktrace: undefined }).toEqual({
      code: 'FORBIDDEN',
      ruleId: 'default-deny',
      reason: 'no rule grants Person.tax to officer of COURT for ADMIN_ENFORCEMENT',
      field: 'Person.tax',
    });
    // Denied before its resolver runs: nothing was read.
    expect(db.statements).toBe(before);
  });
});
