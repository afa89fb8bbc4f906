import { makeCitizenId } from '../lib/ids/citizen-id';
import { courtSubgraph } from '../subgraphs/court';
import { courtFeedHistory } from '../subgraphs/court/court-feed-entries';
import type { CourtRecords } from '../subgraphs/court/records';
import { planCourtRecords, seedCourt } from '../subgraphs/court/seed';
import { caseKeyOf } from '../subgraphs/court/case-key';
import { createCourtStore } from '../subgraphs/court/store';
import type { Database } from '../subgraphs/kit/db/database';
import { addDays } from '../subgraphs/kit/seed/random';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const AS_OF = '2025-06-30';

const security = createTestSecurity();

/** The fixture persons first, then background residents. */
const SCENARIOS: Scenario[] = ['serious_dishonest', 'serious_dishonest', 'clean', 'tax_arrears'];

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

const COURT_INFO = `court {
  dishonestDebtor { caseNo court listedAt status delistedAt obligation }
  consumptionRestricted
  enforcementCases { caseNo court filedAt amount status }
}`;

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${COURT_INFO} } } }`;

const FEED = `query ($after: String, $first: Int) {
  courtCreditFeed(after: $after, first: $first) {
    entries { sourceRecordId personId catalogCode decidedAt decisionNo status statusChangedAt caseKey changeSeq }
    endCursor hasMore
  }
}`;

interface FeedPage {
  courtCreditFeed: {
    entries: { sourceRecordId: string; status: string; changeSeq: string }[];
    endCursor: string;
    hasMore: boolean;
  };
}

interface CourtInfoResult {
  dishonestDebtor: Record<string, unknown> | null;
  consumptionRestricted: boolean;
  enforcementCases: Record<string, unknown>[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `Person.court` should answer for `personId` given the seeded records. */
function expectedCourt(records: CourtRecords, personId: string): CourtInfoResult {
  const listings = records.listings
    .filter((l) => l.personId === personId)
    .sort(
      (a, b) =>
        Number(b.status === 'LISTED') - Number(a.status === 'LISTED') ||
        compare(b.listedAt, a.listedAt) ||
        compare(b.id, a.id),
    );
  const listing = listings[0];
  return {
    dishonestDebtor: listing
      ? {
          caseNo: listing.caseNo,
          court: listing.court,
          listedAt: listing.listedAt,
          status: listing.status,
          delistedAt: listing.delistedAt,
          obligation: listing.obligation,
        }
      : null,
    consumptionRestricted: records.restrictions.some(
      (r) => r.personId === personId && r.status === 'ACTIVE',
    ),
    enforcementCases: records.cases
      .filter((c) => c.personId === personId)
      .sort((a, b) => compare(b.filedAt, a.filedAt) || compare(a.caseNo, b.caseNo))
      .map(({ caseNo, court, filedAt, amount, status }) => ({
        caseNo,
        court,
        filedAt,
        amount,
        status,
      })),
  };
}

/** Every row of the court schema, the feed without its sequence numbers. */
async function snapshot(db: Database) {
  return {
    cases: await db.query('SELECT * FROM court.enforcement_cases ORDER BY case_no'),
    listings: await db.query('SELECT * FROM court.dishonest_debtors ORDER BY id'),
    restrictions: await db.query('SELECT * FROM court.consumption_restrictions ORDER BY id'),
    feed: await db.query(
      `SELECT source_record_id, person_id, catalog_code, decided_at::text, decision_no,
         status, status_changed_at::text FROM court.credit_feed ORDER BY change_seq`,
    ),
  };
}

describe.each(DB_MODES)('court subgraph over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let db: Database;
  let service: RunningSubgraph;
  const residents = Array.from({ length: 1500 }, (_, i) => resident(i));
  const records = planCourtRecords(residents, AS_OF);
  // Entity batch: the fixtures plus every background person with court records, padded to 60.
  const withRecords = new Set(records.cases.map((c) => c.personId));
  const batch = [
    ...residents.filter((p, i) => i < SCENARIOS.length || withRecords.has(p.id)),
    ...residents.filter((p, i) => i >= SCENARIOS.length && !withRecords.has(p.id)),
  ].slice(0, 60);

  /** POSTs as the court's own officer, signed as the gateway signs it. */
  async function asOfficer<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('court', officer('COURT'));
    return postGraphQL<Data>(service.url, query, variables, headers);
  }

  /** POSTs as the credit collector, the only caller of the feed. */
  async function asCollector<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    return postGraphQL<Data>(service.url, query, variables, await security.serviceHeaders('court'));
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['court']);
    db = databases.dbs.court;
    service = await startSubgraph(courtSubgraph, {
      db,
      ownsDatabase: false,
      security: await security.subgraph('court'),
    });
    await seedCourt(db, residents, AS_OF);
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('resolves 60 entity references with one statement per CourtInfo field', async () => {
    const before = db.statements;
    const result = await asOfficer<{ _entities: unknown[] }>(ENTITIES, {
      r: batch.map((p) => ({ __typename: 'Person', id: p.id })),
    });
    expect(db.statements - before).toBe(3);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      batch.map((p) => ({ id: p.id, court: expectedCourt(records, p.id) })),
    );
    // Not vacuous: the batch covers listed, restricted and delisted debtors.
    const infos = batch.map((p) => expectedCourt(records, p.id));
    expect(infos.filter((i) => i.dishonestDebtor?.status === 'LISTED').length).toBeGreaterThan(2);
    expect(infos.filter((i) => i.consumptionRestricted).length).toBeGreaterThan(2);
    expect(infos.filter((i) => i.enforcementCases.length > 0).length).toBeGreaterThan(20);
  });

  it('shows a serious_dishonest fixture as listed and restricted on an open case', async () => {
    const result = await asOfficer<{ _entities: { court: CourtInfoResult }[] }>(ENTITIES, {
      r: [{ __typename: 'Person', id: residents[0].id }],
    });
    const [enforcement] = records.cases;
    expect(result.data?._entities[0].court).toEqual({
      dishonestDebtor: {
        caseNo: enforcement.caseNo,
        court: enforcement.court,
        listedAt: records.listings[0].listedAt,
        status: 'LISTED',
        delistedAt: null,
        obligation: records.listings[0].obligation,
      },
      consumptionRestricted: true,
      enforcementCases: [
        {
          caseNo: enforcement.caseNo,
          court: enforcement.court,
          filedAt: enforcement.filedAt,
          amount: enforcement.amount,
          status: 'OPEN',
        },
      ],
    });
  });

  it('gives a person the court holds nothing on an empty CourtInfo, not null', async () => {
    const unknown = makeCitizenId('511921', '19990101', 999);
    const result = await asOfficer(ENTITIES, {
      r: [residents[2].id, unknown].map((id) => ({ __typename: 'Person', id })),
    });
    const empty = { dishonestDebtor: null, consumptionRestricted: false, enforcementCases: [] };
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: residents[2].id, court: empty },
        { id: unknown, court: empty },
      ],
    });
  });

  it('loads only the fields asked for: the restriction flag alone costs one statement', async () => {
    const before = db.statements;
    const result = await asOfficer(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { court { consumptionRestricted } } } }',
      { r: batch.map((p) => ({ __typename: 'Person', id: p.id })) },
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
    const expected = courtFeedHistory(records);
    const seen: FeedPage['courtCreditFeed']['entries'] = [];
    let after: string | null = null;
    for (;;) {
      const result: GraphQLResponse<FeedPage> = await asCollector<FeedPage>(FEED, {
        after,
        first: 25,
      });
      expect(result.errors).toBeUndefined();
      const page = result.data?.courtCreditFeed;
      if (!page) throw new Error('no page');
      expect(page.entries.length).toBe(page.hasMore ? 25 : expected.length - seen.length);
      seen.push(...page.entries);
      if (page.entries.length > 0) expect(page.endCursor).toBe(seen[seen.length - 1].changeSeq);
      after = page.endCursor;
      if (!page.hasMore) break;
    }
    expect(expected.length).toBeGreaterThan(50);
    expect(seen.map(({ changeSeq: _, ...entry }) => entry)).toEqual(expected);
    const seqs = seen.map((entry) => Number(entry.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const end = await asCollector<FeedPage>(FEED, { after });
    expect(end.data?.courtCreditFeed).toEqual({ entries: [], endCursor: after, hasMore: false });
  });

  it('serves 500 entries by default', async () => {
    const result = await asCollector<FeedPage>(FEED);
    const total = courtFeedHistory(records).length;
    expect(result.data?.courtCreditFeed.entries).toHaveLength(Math.min(500, total));
    expect(result.data?.courtCreditFeed.hasMore).toBe(total > 500);
  });

  it.each([
    [{ after: 'abc' }, 'after'],
    [{ after: '1.5' }, 'after'],
    [{ first: 0 }, 'first'],
    [{ first: 2001 }, 'first'],
  ])('refuses feed arguments %j as BAD_USER_INPUT', async (variables, argument) => {
    const result = await asCollector(FEED, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('publishes performance as later versions of the listing and the restriction', async () => {
    const head = await asCollector<FeedPage>(FEED, { first: 2000 });
    const cursor = head.data?.courtCreditFeed.endCursor ?? '';
    const listing = records.listings[0];
    const restriction = records.restrictions[0];
    const active = head.data?.courtCreditFeed.entries.filter((e) =>
      [listing.id, restriction.id].includes(e.sourceRecordId),
    );
    expect(active?.map((e) => e.status)).toEqual(['ACTIVE', 'ACTIVE']);

    await createCourtStore(db).recordDebtorPerformed(listing.caseNo, AS_OF);

    const next = await asCollector<FeedPage>(FEED, { after: cursor });
    const performed = (sourceRecordId: string, catalogCode: string) => ({
      sourceRecordId,
      personId: listing.personId,
      catalogCode,
      decidedAt: listing.listedAt,
      // The case number stays with the court.
      decisionNo: null,
      status: 'PERFORMED',
      statusChangedAt: AS_OF,
      // Both versions carry the case's opaque key, never the case number.
      caseKey: caseKeyOf(listing.caseNo),
      changeSeq: expect.any(String),
    });
    expect(next.data?.courtCreditFeed).toEqual({
      entries: [
        performed(listing.id, 'COURT_DISHONEST_DEBTOR'),
        performed(restriction.id, 'COURT_CONSUMPTION_RESTRICTED'),
      ],
      endCursor: expect.any(String),
      hasMore: false,
    });
    const later = next.data?.courtCreditFeed.entries.map((e) => Number(e.changeSeq)) ?? [];
    expect(Math.min(...later)).toBeGreaterThan(
      Math.max(...(active ?? []).map((e) => Number(e.changeSeq))),
    );

    const person = await asOfficer<{ _entities: { court: CourtInfoResult }[] }>(ENTITIES, {
      r: [{ __typename: 'Person', id: listing.personId }],
    });
    expect(person.data?._entities[0].court).toEqual({
      dishonestDebtor: {
        ...expectedCourt(records, listing.personId).dishonestDebtor,
        status: 'PERFORMED',
        delistedAt: AS_OF,
      },
      consumptionRestricted: false,
      enforcementCases: [
        { ...expectedCourt(records, listing.personId).enforcementCases[0], status: 'CONCLUDED' },
      ],
    });
    await expect(createCourtStore(db).recordDebtorPerformed(listing.caseNo, AS_OF)).rejects.toThrow(
      /no active listing or restriction/,
    );
  });

  it('seeds 5,000 persons deterministically', async () => {
    const county = Array.from({ length: 5000 }, (_, i) => resident(i));
    await seedCourt(db, county, AS_OF);
    const first = await snapshot(db);
    await seedCourt(db, county, AS_OF);
    const second = await snapshot(db);
    expect(second).toEqual(first);
    expect(first.cases.length).toBeGreaterThan(100);
    expect(first.feed.map((row) => row.source_record_id)).toEqual(
      courtFeedHistory(planCourtRecords(county, AS_OF)).map((entry) => entry.sourceRecordId),
    );
  });

  it('answers a request without an internal context token with 401 and no data', async () => {
    const before = db.statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { court { enforcementCases { amount } } } } }',
      { r: [{ __typename: 'Person', id: residents[0].id }] },
    );
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(db.statements).toBe(before);
  });

  it("denies another department's officer the court records: FORBIDDEN, default-deny", async () => {
    const before = db.statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { court { enforcementCases { amount } } } } }',
      { r: [{ __typename: 'Person', id: residents[0].id }] },
      await security.gatewayHeaders('court', officer('TAX')),
    );
    expect(result.data).toEqual({ _entities: [{ court: null }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['_entities', 0, 'court']);
    // Apollo adds `stacktrace` outside production only (toEqual skips an undefined key); the
    // contract is the rest, exactly.
    expect({ ...result.errors?.[0].extensions, stacktrace: undefined }).toEqual({
      code: 'FORBIDDEN',
      ruleId: 'default-deny',
      reason: 'no rule grants Person.court to officer of TAX for ADMIN_ENFORCEMENT',
      field: 'Person.court',
    });
    // Denied before its resolver runs: nothing was read.
    expect(db.statements).toBe(before);
  });
});
