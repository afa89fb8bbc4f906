import { makeCitizenId } from '../lib/ids/citizen-id';
import { makeUscc } from '../lib/ids/uscc';
import type { CreditFeedEntry } from '../subgraphs/kit/credit-feed-store';
import { addDays } from '../subgraphs/kit/seed/random';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { marketSubgraph } from '../subgraphs/market';
import { marketFeedHistory } from '../subgraphs/market/market-feed-entries';
import type { EnterpriseRecord, MarketRecords } from '../subgraphs/market/records';
import { planMarketRecords, seedMarket } from '../subgraphs/market/seed';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const AS_OF = '2025-06-30';

const security = createTestSecurity();

/** Scenario persons first (seed 2 is even: the market gives the red-list GOOD record). */
const SCENARIO_AT: Record<number, Scenario> = {
  0: 'general_bad',
  1: 'under_objection',
  2: 'good_record_red_list',
  3: 'legal_rep_abnormal_enterprise',
  4: 'clean',
  5: 'good_record_red_list',
};

/** A synthetic adult (born 1955-2003) with a distinct id per index. */
function resident(index: number): SyntheticPerson {
  const birthDate = addDays('1955-01-01', (index * 7) % 17500);
  return {
    index,
    id: makeCitizenId('511921', birthDate.replace(/-/g, ''), 100 + (index % 800)),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario: SCENARIO_AT[index] ?? 'background',
    seed: index,
  };
}

const ENTERPRISE_FIELDS = `uscc name type registeredAt status abnormalSince seriousIllegalSince
  listingDecisionNo legalRepresentative { id }`;

const MARKET_FIELDS = `market {
  roles { role since until enterprise { ${ENTERPRISE_FIELDS} } }
  licenses { id kind licenseNo decisionNo issuedAt validUntil issuer status }
  penalties { id decisionNo decidedAt kind amount reason status statusChangedAt simpleProcedure }
  honours { id enterprise { uscc name } decidedAt decisionNo issuer status statusChangedAt } }`;

/** An enterprise as the SDL shows it. */
function enterpriseView(e: EnterpriseRecord) {
  const { legalRepresentativeId, ...fields } = e;
  return {
    ...fields,
    legalRepresentative: legalRepresentativeId === null ? null : { id: legalRepresentativeId },
  };
}

/** What `Person.market` must show for `personId`, straight from the seed plan. */
function expectedMarket(records: MarketRecords, personId: string) {
  const byUscc = new Map(records.enterprises.map((e) => [e.uscc, e]));
  const newestFirst =
    <T extends { id: string }>(date: (row: T) => string) =>
    (a: T, b: T) =>
      date(b).localeCompare(date(a)) || a.id.localeCompare(b.id);
  const mine = <T extends { personId: string }>(rows: T[]) =>
    rows.filter((row) => row.personId === personId);
  return {
    roles: mine(records.roles)
      .sort((a, b) => a.since.localeCompare(b.since) || a.role.localeCompare(b.role))
      .map((r) => ({
        role: r.role,
        since: r.since,
        until: r.until,
        enterprise: enterpriseView(byUscc.get(r.enterpriseUscc) as EnterpriseRecord),
      })),
    licenses: mine(records.licenses)
      .sort(newestFirst((l) => l.issuedAt))
      .map(({ personId: _personId, ...fields }) => fields),
    penalties: mine(records.penalties)
      .sort(newestFirst((p) => p.decidedAt))
      .map(({ personId: _personId, ...fields }) => fields),
    honours: mine(records.honours)
      .sort(newestFirst((h) => h.decidedAt))
      .map(({ personId: _personId, enterpriseUscc, ...fields }) => ({
        ...fields,
        enterprise: { uscc: enterpriseUscc, name: byUscc.get(enterpriseUscc)?.name },
      })),
  };
}

type FeedEntry = CreditFeedEntry & { changeSeq: string };
type FeedPage = { marketCreditFeed: { entries: FeedEntry[]; endCursor: string; hasMore: boolean } };

const FEED_QUERY = `query ($after: String, $first: Int) { marketCreditFeed(after: $after, first: $first) {
  entries { sourceRecordId personId catalogCode decidedAt decisionNo status statusChangedAt changeSeq }
  endCursor hasMore } }`;

describe.each(DB_MODES)('market subgraph over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let service: RunningSubgraph;
  const persons = Array.from({ length: 2000 }, (_, i) => resident(i));
  const records = planMarketRecords(persons, AS_OF);
  const feed = marketFeedHistory(records);
  const feedOf = (personId: string) => feed.filter((entry) => entry.personId === personId);
  const db = () => databases.dbs.market;

  /** POSTs as the market regulation bureau's own officer, signed as the gateway signs it. */
  async function asOfficer<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('market', officer('AMR'));
    return postGraphQL<Data>(service.url, query, variables, headers);
  }

  /** POSTs as the credit collector, the only caller of the feed. */
  async function asCollector<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    return postGraphQL<Data>(
      service.url,
      query,
      variables,
      await security.serviceHeaders('market'),
    );
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['market']);
    service = await startSubgraph(marketSubgraph, {
      db: db(),
      ownsDatabase: false,
      security: await security.subgraph('market'),
    });
    await seedMarket(db(), persons, AS_OF);
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('resolves Person.market for 60 persons with one statement, plus one for their enterprises', async () => {
    const sample = persons.slice(0, 60);
    const before = db().statements;
    const result = await asOfficer<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${MARKET_FIELDS} } } }`,
      { r: sample.map((p) => ({ __typename: 'Person', id: p.id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      sample.map((p) => ({ id: p.id, market: expectedMarket(records, p.id) })),
    );
    expect(sample.some((p) => expectedMarket(records, p.id).roles.length > 0)).toBe(true);
    expect(db().statements - before).toBe(2);
  });

  it('shows a general_bad penalty of about two months ago and publishes it as AMR_PENALTY', async () => {
    const person = persons[0];
    const penalties = records.penalties.filter((p) => p.personId === person.id);
    expect(penalties).toHaveLength(1);
    expect(penalties[0]).toMatchObject({ kind: 'FINE', status: 'ACTIVE', simpleProcedure: false });
    expect(penalties[0].decidedAt >= addDays(AS_OF, -70)).toBe(true);
    expect(penalties[0].decidedAt <= addDays(AS_OF, -50)).toBe(true);
    expect(feedOf(person.id).map((e) => [e.catalogCode, e.status])).toEqual([
      ['AMR_PENALTY', 'ACTIVE'],
    ]);
    const underObjection = feedOf(persons[1].id);
    expect(underObjection.map((e) => [e.catalogCode, e.status])).toEqual([
      ['AMR_PENALTY', 'ACTIVE'],
    ]);
    expect(underObjection[0].decidedAt >= addDays(AS_OF, -35)).toBe(true);
    expect(underObjection[0].decidedAt <= addDays(AS_OF, -25)).toBe(true);
  });

  it('lists the legal representative of an abnormal-operation enterprise', async () => {
    const person = persons[3];
    const result = await asOfficer<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
        market { roles { role enterprise { status legalRepresentative { id } } } } } } }`,
      { r: [{ __typename: 'Person', id: person.id }] },
    );
    const roles = records.roles.filter((r) => r.personId === person.id);
    expect(roles[0].role).toBe('LEGAL_REPRESENTATIVE');
    expect(result.data?._entities).toEqual([
      {
        market: {
          roles: roles.map((r) => ({
            role: r.role,
            enterprise: { status: 'ABNORMAL_OPERATION', legalRepresentative: { id: person.id } },
          })),
        },
      },
    ]);
    expect(feedOf(person.id).map((e) => [e.catalogCode, e.status])).toEqual([
      ['AMR_ABNORMAL_ENTERPRISE_LEGAL_REP', 'ACTIVE'],
    ]);
  });

  it('gives the red-list GOOD record to even-seed persons only, and nothing to clean persons', () => {
    expect(feedOf(persons[2].id).map((e) => [e.catalogCode, e.status])).toEqual([
      ['AMR_CONTRACT_HONOUR', 'ACTIVE'],
    ]);
    expect(feedOf(persons[2].id)[0].decidedAt >= addDays(AS_OF, -365)).toBe(true);
    expect(feedOf(persons[5].id)).toEqual([]);
    expect(feedOf(persons[4].id)).toEqual([]);
  });

  it('looks up an enterprise by unified social credit code', async () => {
    const abnormal = records.enterprises.find((e) => e.legalRepresentativeId === persons[3].id);
    expect(abnormal).toBeDefined();
    const enterprise = abnormal as EnterpriseRecord;
    const result = await asOfficer(
      `query ($uscc: ID!) { enterprise(uscc: $uscc) { ${ENTERPRISE_FIELDS} } }`,
      { uscc: enterprise.uscc.toLowerCase() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ enterprise: enterpriseView(enterprise) });
    expect(enterprise).toMatchObject({ status: 'ABNORMAL_OPERATION', type: 'LIMITED_COMPANY' });
  });

  it('returns null for a valid code that is not registered', async () => {
    const result = await asOfficer(
      `{ enterprise(uscc: "${makeUscc('91511921MA0000001')}") { uscc } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ enterprise: null });
  });

  it('refuses an invalid code as BAD_USER_INPUT naming uscc, without touching the database', async () => {
    const valid = records.enterprises[0].uscc;
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const before = db().statements;
    const result = await asOfficer(`{ enterprise(uscc: "${wrongCheck}") { uscc } }`);
    expect(result.data).toEqual({ enterprise: null });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'uscc',
    });
    expect(result.errors?.[0].message).toMatch(/check character/);
    expect(db().statements).toBe(before);
  });

  it('resolves 50 Enterprise references in one statement, null for unknown or malformed codes', async () => {
    const sample = records.enterprises.slice(0, 50);
    const representations = [
      ...sample.map((e) => ({ __typename: 'Enterprise', uscc: e.uscc })),
      { __typename: 'Enterprise', uscc: makeUscc('91511921MA0000001') },
      { __typename: 'Enterprise', uscc: 'not-a-code' },
    ];
    const before = db().statements;
    const result = await asOfficer<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { ${ENTERPRISE_FIELDS} } } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([...sample.map(enterpriseView), null, null]);
    expect(db().statements - before).toBe(1);
  });

  it('pages through the credit feed in change order, ending with an empty page', async () => {
    const collected: FeedEntry[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: GraphQLResponse<FeedPage> = await asCollector<FeedPage>(FEED_QUERY, {
        after,
        first: 40,
      });
      expect(page.errors).toBeUndefined();
      const { entries, endCursor, hasMore } = page.data?.marketCreditFeed ?? {
        entries: [],
        endCursor: '',
        hasMore: false,
      };
      collected.push(...entries);
      pages += 1;
      after = endCursor;
      if (!hasMore) break;
    }
    expect(pages).toBe(Math.ceil(feed.length / 40));
    expect(collected.map(({ changeSeq: _seq, ...entry }) => entry)).toEqual(feed);
    const seqs = collected.map((e) => Number(e.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const empty = await asCollector<FeedPage>(FEED_QUERY, { after, first: 40 });
    expect(empty.data?.marketCreditFeed).toEqual({ entries: [], endCursor: after, hasMore: false });
  });

  it('publishes AMR catalog codes only, each source record id for one person', () => {
    const owner = new Map<string, string>();
    for (const entry of feed) {
      expect(owner.get(entry.sourceRecordId) ?? entry.personId).toBe(entry.personId);
      owner.set(entry.sourceRecordId, entry.personId);
    }
    const codes = new Set(feed.map((e) => e.catalogCode));
    const known = [
      'AMR_PENALTY',
      'AMR_PENALTY_MINOR',
      'AMR_ABNORMAL_ENTERPRISE_LEGAL_REP',
      'AMR_SERIOUS_ILLEGAL_LEGAL_REP',
      'AMR_CONTRACT_HONOUR',
    ];
    expect([...codes].filter((code) => !known.includes(code))).toEqual([]);
  });

  it('refuses a feed page size out of range', async () => {
    const result = await asCollector(FEED_QUERY, { first: 0 });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
  });

  it('answers a request without an internal context token with 401 and no data', async () => {
    const before = db().statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { market { penalties { amount } } } } }',
      { r: [{ __typename: 'Person', id: persons[0].id }] },
    );
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(db().statements).toBe(before);
  });

  it("denies another department's officer the market records: FORBIDDEN, default-deny", async () => {
    const before = db().statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { market { penalties { amount } } } } }',
      { r: [{ __typename: 'Person', id: persons[0].id }] },
      await security.gatewayHeaders('market', officer('TAX')),
    );
    expect(result.data).toEqual({ _entities: [{ market: null }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['_entities', 0, 'market']);
    // Apollo adds `stacktrace` outside production only (toEqual skips an undefined key); the
    // contract is the rest, exactly.
    expect({ ...result.errors?.[0].extensions, stacktrace: undefined }).toEqual({
      code: 'FORBIDDEN',
      ruleId: 'default-deny',
      reason: 'no rule grants Person.market to officer of TAX for ADMIN_ENFORCEMENT',
      field: 'Person.market',
    });
    // Denied before its resolver runs: nothing was read.
    expect(db().statements).toBe(before);
  });
});
