import { makeCitizenId } from '../lib/ids/citizen-id';
import type { CreditFeedEntry } from '../subgraphs/kit/credit-feed-store';
import { addDays } from '../subgraphs/kit/seed/random';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { educationSubgraph } from '../subgraphs/education';
import { EducationSeedPlan } from '../subgraphs/education/education-seed-plan';
import { educationFeedHistory } from '../subgraphs/education/education-feed-entries';
import { adultFrom } from '../lib/civil-time/adult-from';
import type { EducationRecords, IntegrityRecord } from '../subgraphs/education/records';
import { seedEducation } from '../subgraphs/education/seed';
import { createEducationStore } from '../subgraphs/education/store';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const AS_OF = '2025-06-30';

const security = createTestSecurity();

/** Scenario persons first (seed 1 is odd: education gives the red-list GOOD record). */
const SCENARIO_AT: Record<number, Scenario> = {
  0: 'student_integrity',
  1: 'good_record_red_list',
  2: 'good_record_red_list',
  3: 'clean',
};

/** Born 29 February 2004: adult from 28 February 2022. */
const LEAP_CHILD = 4;

/** A synthetic resident (born 1955-2009, so some are minors) with a distinct id per index. */
function resident(index: number): SyntheticPerson {
  const birthDate =
    index === 0
      ? '2005-03-10'
      : index === LEAP_CHILD
        ? '2004-02-29'
        : addDays('1955-01-01', (index * 13) % 20000);
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

const EDUCATION_FIELDS = `education {
  integrityFile { id kind institution decidedAt decisionNo description status statusChangedAt }
  qualifications { id kind certificateNo issuedAt issuer status }
  honours { id kind level decidedAt decisionNo issuer status statusChangedAt } }`;

/** What `Person.education` must show for `personId`, straight from the seed plan. */
function expectedEducation(records: EducationRecords, personId: string) {
  const newestFirst =
    <T extends { id: string }>(date: (row: T) => string) =>
    (a: T, b: T) =>
      date(b).localeCompare(date(a)) || a.id.localeCompare(b.id);
  const mine = <T extends { personId: string }>(rows: T[]) =>
    rows
      .filter((row) => row.personId === personId)
      .map(({ personId: _personId, ...fields }) => fields);
  return {
    integrityFile: mine(records.integrityRecords).sort(newestFirst((r) => r.decidedAt)),
    qualifications: mine(records.qualifications).sort(newestFirst((q) => q.issuedAt)),
    honours: mine(records.honours).sort(newestFirst((h) => h.decidedAt)),
  };
}

type FeedEntry = CreditFeedEntry & { changeSeq: string };
type FeedPage = {
  educationCreditFeed: { entries: FeedEntry[]; endCursor: string; hasMore: boolean };
};

const FEED_QUERY = `query ($after: String, $first: Int) { educationCreditFeed(after: $after, first: $first) {
  entries { sourceRecordId personId catalogCode decidedAt decisionNo status statusChangedAt changeSeq }
  endCursor hasMore } }`;

describe.each(DB_MODES)('education subgraph over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let service: RunningSubgraph;
  const persons = Array.from({ length: 1500 }, (_, i) => resident(i));
  const plan = new EducationSeedPlan(AS_OF);
  for (const person of persons) plan.addPerson(person);
  const records = plan.records;
  const feed = educationFeedHistory(records);
  const feedOf = (personId: string) => feed.filter((entry) => entry.personId === personId);
  const db = () => databases.dbs.education;
  const leapChild = persons[LEAP_CHILD];

  /** Every feed entry from `after` on, page by page. */
  async function readFeed(after: string | null = null) {
    const entries: FeedEntry[] = [];
    let cursor = after;
    let pages = 0;
    for (;;) {
      const page: GraphQLResponse<FeedPage> = await asCollector<FeedPage>(FEED_QUERY, {
        after: cursor,
        first: 25,
      });
      expect(page.errors).toBeUndefined();
      const data = page.data?.educationCreditFeed;
      if (!data) throw new Error('no feed page');
      entries.push(...data.entries);
      cursor = data.endCursor;
      pages += 1;
      if (!data.hasMore) return { entries, endCursor: cursor, pages };
    }
  }

  async function integrityFileOf(personId: string): Promise<unknown> {
    const result = await asOfficer<{ _entities: { education: { integrityFile: unknown } }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
        education { integrityFile { id decidedAt } } } } }`,
      { r: [{ __typename: 'Person', id: personId }] },
    );
    expect(result.errors).toBeUndefined();
    return result.data?._entities[0].education.integrityFile;
  }

  /** POSTs as the education bureau's own officer, signed as the gateway signs it. */
  async function asOfficer<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('education', officer('EDU'));
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
      await security.serviceHeaders('education'),
    );
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['education']);
    service = await startSubgraph(educationSubgraph, {
      db: db(),
      ownsDatabase: false,
      security: await security.subgraph('education'),
    });
    await seedEducation(db(), persons, AS_OF);
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('resolves Person.education for 60 persons with one statement', async () => {
    const sample = persons.slice(0, 60);
    const before = db().statements;
    const result = await asOfficer<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${EDUCATION_FIELDS} } } }`,
      { r: sample.map((p) => ({ __typename: 'Person', id: p.id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      sample.map((p) => ({ id: p.id, education: expectedEducation(records, p.id) })),
    );
    expect(db().statements - before).toBe(1);
  });

  it('keeps the student_integrity exam cheating after 18 and skips the one before', async () => {
    const student = persons[0];
    const kept = records.integrityRecords.filter((r) => r.personId === student.id);
    expect(kept.map((r) => [r.kind, r.status])).toEqual([['EXAM_CHEATING', 'ACTIVE']]);
    expect(kept[0].decidedAt >= (adultFrom(student.birthDate) ?? '9999-12-31')).toBe(true);
    expect(plan.skippedMinorRecords).toBeGreaterThanOrEqual(1);
    expect(await integrityFileOf(student.id)).toEqual([
      { id: kept[0].id, decidedAt: kept[0].decidedAt },
    ]);
    expect(feedOf(student.id).map((e) => [e.sourceRecordId, e.catalogCode, e.status])).toEqual([
      [kept[0].id, 'EDU_EXAM_CHEATING', 'ACTIVE'],
    ]);
  });

  it('gives the red-list excellent-teacher record to odd-seed persons only', () => {
    const teacher = persons[1];
    expect(feedOf(teacher.id).map((e) => [e.catalogCode, e.status])).toEqual([
      ['EDU_EXCELLENT_TEACHER', 'ACTIVE'],
    ]);
    expect(feedOf(teacher.id)[0].decidedAt >= addDays(AS_OF, -365)).toBe(true);
    expect(expectedEducation(records, teacher.id).qualifications.map((q) => q.kind)).toEqual([
      'TEACHER',
    ]);
    expect(feedOf(persons[2].id)).toEqual([]);
    expect(feedOf(persons[3].id)).toEqual([]);
  });

  it('pages through the credit feed in change order, ending with an empty page', async () => {
    const { entries, endCursor, pages } = await readFeed();
    expect(pages).toBe(Math.ceil(feed.length / 25));
    expect(entries.map(({ changeSeq: _seq, ...entry }) => entry)).toEqual(feed);
    const seqs = entries.map((e) => Number(e.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const empty = await asCollector<FeedPage>(FEED_QUERY, { after: endCursor });
    expect(empty.data?.educationCreditFeed).toEqual({ entries: [], endCursor, hasMore: false });
  });

  it('refuses to record an integrity decision about a minor, writing nothing', async () => {
    const { endCursor } = await readFeed();
    const record: IntegrityRecord = {
      id: 'EDU-INT-TEST-01',
      personId: leapChild.id,
      kind: 'EXAM_CHEATING',
      institution: '四川省通江中学',
      // The 18th birthday itself: adult only from the day after (lib/civil-time).
      decidedAt: '2022-02-28',
      decisionNo: '通教科体诚〔2022〕901号',
      description: '2022年普通高中学业水平考试中抄袭他人答案',
      status: 'ACTIVE',
      statusChangedAt: null,
    };
    const store = createEducationStore(db());
    await expect(store.recordIntegrityRecord(record)).rejects.toThrow(
      'integrity record EDU-INT-TEST-01: the person was under 18 on 2022-02-28',
    );
    await expect(
      store.replaceAll({ ...records, integrityRecords: [record] }, feed),
    ).rejects.toThrow(/under 18/);
    expect(await integrityFileOf(leapChild.id)).toEqual([]);
    expect((await readFeed(endCursor)).entries).toEqual([]);
    expect((await readFeed()).entries).toHaveLength(feed.length);
  });

  it('records a decision taken the day after the 18th birthday (29 February child, 1 March) with its feed entry', async () => {
    const { endCursor } = await readFeed();
    await createEducationStore(db()).recordIntegrityRecord({
      id: 'EDU-INT-TEST-02',
      personId: leapChild.id,
      kind: 'FORGED_EMPLOYMENT_PAPERS',
      institution: '巴中职业技术学院',
      decidedAt: '2022-03-01',
      decisionNo: '通教科体诚〔2022〕902号',
      description: '毕业生就业信息核查中提交伪造的就业协议书',
      status: 'ACTIVE',
      statusChangedAt: null,
    });
    expect(await integrityFileOf(leapChild.id)).toEqual([
      { id: 'EDU-INT-TEST-02', decidedAt: '2022-03-01' },
    ]);
    const added = await readFeed(endCursor);
    expect(added.entries.map(({ changeSeq: _seq, ...entry }) => entry)).toEqual([
      {
        sourceRecordId: 'EDU-INT-TEST-02',
        personId: leapChild.id,
        catalogCode: 'EDU_FORGED_EMPLOYMENT_PAPERS',
        decidedAt: '2022-03-01',
        decisionNo: '通教科体诚〔2022〕902号',
        status: 'ACTIVE',
        statusChangedAt: null,
      },
    ]);
  });

  it('never shows nor publishes a stored record decided before the 18th birthday', async () => {
    const { endCursor } = await readFeed();
    // Rows from before the age rule existed, written around the store on purpose.
    await db().query(
      `INSERT INTO education.integrity_records (id, person_id, kind, institution, decided_at,
         decision_no, description, status)
       VALUES ('EDU-INT-LEGACY', $1, 'EXAM_CHEATING', '四川省通江中学', '2022-02-28',
         '通教科体诚〔2022〕903号', '2022年普通高中学业水平考试中抄袭他人答案', 'ACTIVE')`,
      [leapChild.id],
    );
    await db().query(
      `INSERT INTO education.credit_feed (source_record_id, person_id, catalog_code,
         decided_at, decision_no, status)
       VALUES ('EDU-INT-LEGACY', $1, 'EDU_EXAM_CHEATING', '2022-02-28',
         '通教科体诚〔2022〕903号', 'ACTIVE')`,
      [leapChild.id],
    );
    expect(await integrityFileOf(leapChild.id)).toEqual([
      { id: 'EDU-INT-TEST-02', decidedAt: '2022-03-01' },
    ]);
    const after = await readFeed(endCursor);
    expect(after.entries).toEqual([]);
    expect(Number(after.endCursor)).toBeGreaterThan(Number(endCursor));
  });

  it('answers a request without an internal context token with 401 and no data', async () => {
    const before = db().statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { education { integrityFile { kind } } } } }',
      { r: [{ __typename: 'Person', id: persons[0].id }] },
    );
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(db().statements).toBe(before);
  });

  it("denies another department's officer the education records: FORBIDDEN, default-deny", async () => {
    const before = db().statements;
    const result = await postGraphQL(
      service.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { education { integrityFile { kind } } } } }',
      { r: [{ __typename: 'Person', id: persons[0].id }] },
      await security.gatewayHeaders('education', officer('COURT')),
    );
    expect(result.data).toEqual({ _entities: [{ education: null }] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['_entities', 0, 'education']);
    // Apollo adds `stacktrace` outside production only (toEqual skips an undefined key); the
    // contract is the rest, exactly.
    expect({ ...result.errors?.[0].extensions, stacktrace: undefined }).toEqual({
      code: 'FORBIDDEN',
      ruleId: 'default-deny',
      reason: 'no rule grants Person.education to officer of COURT for ADMIN_ENFORCEMENT',
      field: 'Person.education',
    });
    // Denied before its resolver runs: nothing was read.
    expect(db().statements).toBe(before);
  });
});
