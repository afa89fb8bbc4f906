/**
 * Joint measures (联合奖惩 trigger and feedback, tasks 16-18) and public disclosure (双公示, tasks
 * 14 and 19) through the REAL gateway and subgraphs with the DEFAULT policy: an anonymous client
 * reads the masked disclosures the credit platform collected from the market bureau's disclosure
 * feed; an approval system checks a seriously dishonest person, reports what it applied once, and
 * NDRC follows up the checks without feedback.
 */
import type { CallerIdentity, Department } from '../lib/auth/caller';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { maskName } from '../lib/policy/maskers';
import { chinaToday } from '../lib/civil-time/china-today';
import { publishableAbout } from '../subgraphs/credit/disclosures/publishable-about';
import type { DisclosureFeedEntry } from '../subgraphs/kit/disclosure-feed-store';
import { createDisclosureFeedStore } from '../subgraphs/kit/disclosure-feed-store';
import { createCreditSubgraph } from '../subgraphs/credit';
import { createDisclosureStore } from '../subgraphs/credit/disclosures/disclosure-store';
import { toMeasureCheckView } from '../subgraphs/credit/measures/measure-check-view';
import { createMeasuresStore } from '../subgraphs/credit/measures/measures-store';
import { createObjectionStore } from '../subgraphs/credit/objections/objection-store';
import { migrate } from '../subgraphs/kit/db/migrate';
import { marketSubgraph } from '../subgraphs/market';
import { planMarketRecords } from '../subgraphs/market/seed';
import { HEALTH_DISCLOSURE } from '../subgraphs/health/decision-store';
import { planHealthRecords } from '../subgraphs/health/seed';
import { HRSS_DISCLOSURE } from '../subgraphs/hrss/decision-store';
import { planHrssRecords } from '../subgraphs/hrss/seed';
import { JUSTICE_DISCLOSURE } from '../subgraphs/justice/decision-store';
import { planJusticeRecords } from '../subgraphs/justice/seed';
import { addMonths } from '../subgraphs/credit/rules/add-months';
import { addDays } from '../subgraphs/kit/seed/random';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';
import { loadCatalog } from '../subgraphs/credit/rules/load-catalog';
import { addWorkingDays } from '../subgraphs/credit/objections/add-working-days';
import { loadCalendar } from '../subgraphs/credit/objections/load-calendar';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';

/** The licensing departments' seed plans and how each publishes its penalties (双公示). */
const LICENSING_DISCLOSURES = [
  { plan: planHrssRecords, disclosure: HRSS_DISCLOSURE },
  { plan: planHealthRecords, disclosure: HEALTH_DISCLOSURE },
  { plan: planJusticeRecords, disclosure: JUSTICE_DISCLOSURE },
];

const AS_OF = chinaToday();
const creditModule = createCreditSubgraph({ collectOnStart: false, log: () => undefined });

const DISCLOSURES = `query Disclosures($filter: PublicDisclosureFilter, $first: Int, $after: String) {
  publicDisclosures(filter: $filter, first: $first, after: $after) {
    nodes { id kind dept decisionNo decidedAt title authority validUntil partyName partyIdNumber }
    endCursor
    hasMore
  }
}`;

const JOINT_MEASURES = `query Check($personId: ID!, $matter: MatterType!) {
  jointMeasures(personId: $personId, matter: $matter) {
    checkId personId matter listStatus staleSources measuresVersion
    measures { code kind trigger description legalBasis }
  }
}`;

const FEEDBACK = `mutation Feedback($checkId: ID!, $applied: [String!]!, $note: String) {
  reportMeasureFeedback(checkId: $checkId, applied: $applied, note: $note) {
    id dept caseRef measureCodes feedback { applied note reportedBy }
  }
}`;

const OPEN_CHECKS = `query Open($days: Int!) {
  checksWithoutFeedback(olderThanDays: $days) { id personId matter listStatus dept caseRef measureCodes feedback { applied } }
}`;

interface Disclosure {
  id: string;
  kind: string;
  dept: string;
  decisionNo: string;
  decidedAt: string;
  title: string;
  authority: string;
  validUntil: string | null;
  partyName: string;
  partyIdNumber: string;
}

interface DisclosurePage {
  publicDisclosures: { nodes: Disclosure[]; endCursor: string | null; hasMore: boolean };
}

/** Every error of a response in one line each: `path code ruleId` (or the argument). */
function errorLines(result: GraphQLResponse<unknown>): string[] {
  return (result.errors ?? []).map((error) => {
    const { code, ruleId, argument } = error.extensions ?? {};
    return [error.path?.join('.') ?? '-', code, ruleId ?? argument]
      .filter((x) => x !== undefined)
      .join(' ');
  });
}

const staff = (dept: Department): CallerIdentity => ({
  sub: `approval-system-${dept.toLowerCase()}`,
  dept,
  roles: ['approval-system'],
  clientType: 'system',
});

describe('joint measures and public disclosure through the gateway (default policy)', () => {
  let system: SecureSystem;
  const feed = createDisclosureFeedStore('market');

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 120, asOf: AS_OF });
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Every page of publicDisclosures as an anonymous (public) client: no Authorization header. */
  async function allDisclosures(filter: Record<string, unknown> = {}): Promise<Disclosure[]> {
    const nodes: Disclosure[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<DisclosurePage> = await postGraphQL<DisclosurePage>(
        system.gatewayUrl,
        DISCLOSURES,
        { filter, first: 100, after },
      );
      expect(errorLines(page)).toEqual([]);
      const connection = page.data?.publicDisclosures;
      if (!connection) throw new Error('no publicDisclosures');
      nodes.push(...connection.nodes);
      if (!connection.hasMore) return nodes;
      after = connection.endCursor;
    }
  }

  async function as<Data>(
    dept: Department,
    query: string,
    variables: Record<string, unknown>,
    purpose: 'JOINT_DISCIPLINE' | 'ADMIN_LICENSING' | 'ADMIN_ENFORCEMENT' = 'JOINT_DISCIPLINE',
  ): Promise<GraphQLResponse<Data>> {
    const headers = await system.security.userHeaders(staff(dept), purpose, `CASE-${dept}-0001`);
    return postGraphQL<Data>(system.gatewayUrl, query, variables, headers);
  }

  const publicationMonths = new Map(
    loadCatalog().items.flatMap((item) =>
      item.publicationMonths === null ? [] : [[item.code, item.publicationMonths] as const],
    ),
  );

  it('shows anonymous clients every licensing and penalty decision, masked, revoked ones gone', async () => {
    const names = new Map(system.persons.map((person) => [person.id, person.name]));
    const records = planMarketRecords(system.persons, AS_OF);
    // Penalties withdrawn by the seeded repair and upheld objection of their scenarios.
    const withdrawnFor = new Set([
      ...(system.fixtures.scenarios.repaired_penalty ?? []),
      ...(system.fixtures.scenarios.objection_upheld ?? []),
    ]);
    const expected = [
      ...records.licenses
        // Published while valid: not revoked, not expired.
        .filter((licence) => licence.status !== 'REVOKED')
        .filter((licence) => licence.validUntil === null || licence.validUntil >= AS_OF)
        .map((licence) => ({
          id: `AMR:${licence.id}`,
          personId: licence.personId,
          decidedAt: licence.issuedAt,
        })),
      ...records.penalties
        // Published for 12 months (AMR_PENALTY); simple-procedure penalties never.
        .filter((penalty) => penalty.status !== 'REVOKED' && !penalty.simpleProcedure)
        .filter((penalty) => addMonths(penalty.decidedAt, 12) >= AS_OF)
        .filter((penalty) => !withdrawnFor.has(penalty.personId))
        .map((penalty) => ({
          id: `AMR:${penalty.id}`,
          personId: penalty.personId,
          decidedAt: penalty.decidedAt,
        })),
      // The licensing departments' penalties, each for its catalog item's publication period.
      ...LICENSING_DISCLOSURES.flatMap(({ plan, disclosure }) =>
        plan(system.persons, AS_OF)
          .sanctions.filter((sanction) => disclosure.isPenalty?.(sanction.kind) ?? true)
          .filter((sanction) => sanction.status !== 'REVOKED')
          .filter((sanction) => {
            const months = publicationMonths.get(disclosure.catalogCodeOf(sanction.kind));
            return months !== undefined && addMonths(sanction.decidedAt, months) >= AS_OF;
          })
          .map((sanction) => ({
            id: `${disclosure.dept}:${sanction.id}`,
            personId: sanction.personId,
            decidedAt: sanction.decidedAt,
          })),
      ),
    ]
      .filter((decision) => publishableAbout(decision.personId, decision.decidedAt))
      .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || b.id.localeCompare(a.id));
    expect(expected.length).toBeGreaterThan(3);

    const shown = await allDisclosures();
    expect(shown.map((node) => [node.id, node.partyName, node.partyIdNumber])).toEqual(
      expected.map((decision) => [
        decision.id,
        maskName(names.get(decision.personId) ?? ''),
        `${decision.personId.slice(0, 6)}********${decision.personId.slice(-4)}`,
      ]),
    );
    // Nothing of any person in clear: no citizen id, name or address anywhere in the answer.
    const text = JSON.stringify(shown);
    for (const person of system.persons) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.householdAddress);
      if (Array.from(person.name).length > 1) expect(text).not.toContain(person.name);
    }
    const revoked = records.penalties.filter((penalty) => penalty.status === 'REVOKED');
    for (const penalty of revoked) expect(text).not.toContain(penalty.decisionNo);
    // Simple-procedure penalties are never published (轻微失信; 行政处罚法 第五十一条); the store
    // test below has one for sure, a small county may have none.
    const minor = records.penalties.filter((penalty) => penalty.simpleProcedure);
    for (const penalty of minor) expect(text).not.toContain(penalty.decisionNo);

    const licence = records.licenses.find((l) => l.status !== 'REVOKED');
    if (!licence) throw new Error('no licence in the seed');
    expect(shown.find((node) => node.id === `AMR:${licence.id}`)).toEqual({
      id: `AMR:${licence.id}`,
      kind: 'LICENSING',
      dept: 'AMR',
      decisionNo: licence.decisionNo,
      decidedAt: licence.issuedAt,
      // The catalog's name of the kind; the licence number stays with the bureau.
      title: loadCatalog().disclosureItems.get(`AMR_LICENSING_${licence.kind}`)?.name,
      authority: licence.issuer,
      validUntil: licence.validUntil,
      partyName: maskName(names.get(licence.personId) ?? ''),
      partyIdNumber: `${licence.personId.slice(0, 6)}********${licence.personId.slice(-4)}`,
    });
    expect((await allDisclosures({ kind: 'PENALTY' })).map((node) => node.id)).toEqual(
      expected.filter((decision) => !decision.id.includes('-LIC-')).map((decision) => decision.id),
    );
  });

  it('withdraws a decision once revoked, and never publishes one about a minor', async () => {
    // A person whose 18th birthday was 100 days ago (a day that exists 18 years earlier).
    const birthday = [100, 101]
      .map((days) => addDays(AS_OF, -days))
      .find((day) => day.slice(5) !== '02-29') as string;
    const born = `${Number(birthday.slice(0, 4)) - 18}${birthday.slice(4)}`;
    const person = makeCitizenId('511921', born, 41);
    const decision = (
      sourceRecordId: string,
      decidedAt: string,
      status: 'ACTIVE' | 'REVOKED' = 'ACTIVE',
    ): DisclosureFeedEntry => ({
      sourceRecordId,
      kind: 'PENALTY',
      personId: person,
      partyName: '王小明',
      decisionNo: `通市监罚〔${decidedAt.slice(0, 4)}〕${sourceRecordId}号`,
      decidedAt,
      disclosureItem: 'AMR_PENALTY_WARNING',
      authority: '通江县市场监督管理局',
      validUntil: null,
      status,
      statusChangedAt: status === 'REVOKED' ? AS_OF : null,
      catalogCode: 'AMR_PENALTY',
    });
    const { db } = system.subgraphs.market;
    // The 18th birthday itself (still a minor), the day after (adult), and one to be revoked.
    const adultDay = addDays(birthday, 1);
    const revokedDay = addDays(AS_OF, -50);
    await feed.append(db, [
      decision('T-MINOR', birthday),
      decision('T-ADULT', adultDay),
      decision('T-REVOKED', revokedDay),
    ]);
    const reports = await system.credit.collectDisclosuresOnce();
    expect(reports.find((report) => report.dept === 'AMR')).toMatchObject({
      entries: 3,
      changed: 3,
      error: null,
    });
    const testIds = async () =>
      (await allDisclosures({ from: addDays(AS_OF, -200), dept: 'amr' }))
        .map((node) => node.id)
        .filter((id) => id.startsWith('AMR:T-'));
    expect(await testIds()).toEqual(['AMR:T-REVOKED', 'AMR:T-ADULT']);

    await feed.append(db, [decision('T-REVOKED', revokedDay, 'REVOKED')]);
    await system.credit.collectDisclosuresOnce();
    expect(await testIds()).toEqual(['AMR:T-ADULT']);
    const [adult] = (await allDisclosures({ from: adultDay, to: adultDay })).filter(
      (node) => node.id === 'AMR:T-ADULT',
    );
    expect(adult.partyName).toBe('王**');
    expect(adult.partyIdNumber).toBe(`511921********${person.slice(-4)}`);
  });

  it('returns discipline measures for a seriously dishonest person, takes feedback once from the checking department only', async () => {
    const personId = system.fixtures.scenarios.serious_dishonest[0];
    const check = await as<{
      jointMeasures: {
        checkId: string;
        measures: { code: string; kind: string; trigger: string }[];
      } & Record<string, unknown>;
    }>('AMR', JOINT_MEASURES, { personId, matter: 'LICENSING' }, 'ADMIN_LICENSING');
    expect(errorLines(check)).toEqual([]);
    const result = check.data?.jointMeasures;
    if (!result) throw new Error('no jointMeasures');
    expect(result.checkId).toMatch(/^[0-9a-f-]{36}$/);
    expect({
      ...result,
      checkId: 'x',
      measures: result.measures.map((m) => [m.trigger, m.kind, m.code]),
    }).toEqual({
      checkId: 'x',
      personId,
      matter: 'LICENSING',
      listStatus: 'BLACK',
      staleSources: [],
      measuresVersion: '2025.1',
      measures: [
        ['BLACK', 'DISCIPLINE', 'BLACK_LICENSING_STRICT_REVIEW'],
        ['BLACK', 'DISCIPLINE', 'BLACK_LICENSING_ONSITE_CHECK'],
        ['GENERAL_BAD', 'DISCIPLINE', 'FOCUS_LICENSING_COMMITMENT_LIMITED'],
      ],
    });

    // Another department cannot report on AMR's check.
    const foreign = await as('TAX', FEEDBACK, { checkId: result.checkId, applied: [] });
    expect(errorLines(foreign)).toEqual([
      'reportMeasureFeedback FORBIDDEN feedback-by-checking-dept',
    ]);
    expect(foreign.data).toEqual({ reportMeasureFeedback: null });

    const applied = ['BLACK_LICENSING_STRICT_REVIEW'];
    const reported = await as('AMR', FEEDBACK, {
      checkId: result.checkId,
      applied,
      note: '不予适用告知承诺制',
    });
    expect(errorLines(reported)).toEqual([]);
    expect(reported.data).toEqual({
      reportMeasureFeedback: {
        id: result.checkId,
        dept: 'AMR',
        caseRef: 'CASE-AMR-0001',
        measureCodes: result.measures.map((m) => m.code),
        feedback: { applied, note: '不予适用告知承诺制', reportedBy: 'approval-system-amr' },
      },
    });
    const again = await as('AMR', FEEDBACK, { checkId: result.checkId, applied });
    expect(errorLines(again)).toEqual(['reportMeasureFeedback CONFLICT checkId']);

    // A second check stays open: NDRC sees it, and not the one with feedback.
    const open = await as<{ jointMeasures: { checkId: string } }>('HRSS', JOINT_MEASURES, {
      personId,
      matter: 'PUBLIC_HIRING',
    });
    expect(errorLines(open)).toEqual([]);
    const listed = await as('NDRC', OPEN_CHECKS, { days: 0 }, 'ADMIN_ENFORCEMENT');
    expect(errorLines(listed)).toEqual([]);
    expect(listed.data).toEqual({
      checksWithoutFeedback: [
        {
          id: open.data?.jointMeasures.checkId,
          personId,
          matter: 'PUBLIC_HIRING',
          listStatus: 'BLACK',
          dept: 'HRSS',
          caseRef: 'CASE-HRSS-0001',
          measureCodes: ['BLACK_HIRING_RESTRICTED'],
          feedback: null,
        },
      ],
    });
    // Older than a day: nothing yet.
    expect((await as('NDRC', OPEN_CHECKS, { days: 1 }, 'ADMIN_ENFORCEMENT')).data).toEqual({
      checksWithoutFeedback: [],
    });
    // Only NDRC follows up.
    const denied = await as('AMR', OPEN_CHECKS, { days: 0 });
    expect(errorLines(denied)).toEqual(['checksWithoutFeedback FORBIDDEN default-deny']);
  });
});

describe.each(DB_MODES)('measures and disclosure stores on %s', (mode) => {
  let databases: TestDatabases;
  const person = makeCitizenId('511921', '2005-06-15', 52);
  const published = (sourceRecordId: string, decidedAt: string): DisclosureFeedEntry => ({
    sourceRecordId,
    kind: 'LICENSING',
    personId: person,
    partyName: '欧阳娜娜',
    decisionNo: `通市监许〔2024〕${sourceRecordId}号`,
    decidedAt,
    disclosureItem: 'AMR_LICENSING_FOOD_BUSINESS',
    authority: '通江县市场监督管理局',
    validUntil: '2029-02-28',
    status: 'ACTIVE',
    statusChangedAt: null,
    catalogCode: null,
  });
  const entry = (sourceRecordId: string, decidedAt: string, changeSeq: string) => ({
    ...published(sourceRecordId, decidedAt),
    changeSeq,
  });

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['credit', 'market']);
    await migrate(databases.dbs.credit, 'credit', creditModule.migrationsDir);
    await migrate(databases.dbs.market, 'market', marketSubgraph.migrationsDir);
  });

  afterAll(async () => {
    await databases?.close();
  });

  it('pages the market disclosure feed in change order', async () => {
    const feed = createDisclosureFeedStore('market');
    const first = published('L1', '2024-03-01');
    const second = published('L2', '2024-03-02');
    await feed.append(databases.dbs.market, [first, second]);
    const page = await feed.page(databases.dbs.market, null, 1);
    expect(page).toEqual({
      entries: [{ ...first, changeSeq: page.endCursor }],
      endCursor: page.endCursor,
      hasMore: true,
    });
    const rest = await feed.page(databases.dbs.market, page.endCursor, 10);
    expect(rest.entries.map((e) => e.sourceRecordId)).toEqual(['L2']);
    expect(rest.hasMore).toBe(false);
  });

  it('stores decisions with the name masked, and lists only published ones, newest first', async () => {
    const store = createDisclosureStore(databases.dbs.credit);
    const changed = await store.commitPage({
      source: 'AMR',
      entries: [
        entry('MINOR', '2023-06-15', '1'),
        entry('ADULT', '2023-06-16', '2'),
        entry('LATER', '2024-01-05', '3'),
        entry('LATEST', '2024-01-05', '4'),
      ],
      cursor: '4',
      attemptAt: new Date('2025-01-01T00:00:00Z'),
      successAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(changed).toBe(4);
    expect(
      await databases.dbs.credit.query(
        `SELECT DISTINCT party_name_masked AS name FROM credit.disclosures`,
      ),
    ).toEqual([{ name: '欧***' }]);
    const query = {
      kind: null,
      dept: null,
      from: null,
      to: '2025-01-01',
      after: null,
      limit: 10,
      asOf: '2025-01-01',
      publication: [{ code: 'AMR_PENALTY', months: 12 }],
    };
    const listed = await store.findPublished(query);
    expect(listed.map((row) => row.id)).toEqual(['AMR:LATEST', 'AMR:LATER', 'AMR:ADULT']);
    const next = await store.findPublished({
      ...query,
      after: { decidedAt: '2024-01-05', id: 'AMR:LATEST' },
      limit: 1,
    });
    expect(next.map((row) => row.id)).toEqual(['AMR:LATER']);
    expect((await store.findPublished({ ...query, kind: 'PENALTY' })).map((row) => row.id)).toEqual(
      [],
    );
    expect((await store.findPublished({ ...query, to: '2023-12-31' })).map((r) => r.id)).toEqual([
      'AMR:ADULT',
    ]);
  });

  it('counts published decisions as on time or late against 7 working days, fixed at first collection', async () => {
    const calendar = loadCalendar();
    const store = createDisclosureStore(databases.dbs.credit, {
      publicationDue: (decidedAt) =>
        addWorkingDays(calendar, decidedAt, calendar.disclosureDueWorkingDays).date,
    });
    const taxEntry = (id: string, decidedAt: string, catalogCode: string, changeSeq: string) => ({
      ...published(id, decidedAt),
      kind: 'PENALTY' as const,
      validUntil: null,
      catalogCode,
      changeSeq,
    });
    // Collected on Monday 2024-03-11 (China Standard Time): a decision of Friday 2024-03-01 was
    // due on Tuesday 2024-03-12 (7 working days later), one of 2024-02-01 long before.
    const collect = (entries: ReturnType<typeof taxEntry>[], at: string, cursor: string) =>
      store.commitPage({
        source: 'TAX',
        entries,
        cursor,
        attemptAt: new Date(at),
        successAt: new Date(at),
      });
    await collect(
      [
        taxEntry('T-ON-TIME', '2024-03-01', 'TAX_MAJOR_VIOLATION', '21'),
        taxEntry('T-LATE', '2024-02-01', 'TAX_MAJOR_VIOLATION', '22'),
        taxEntry('T-UNPUBLISHED', '2024-02-01', 'AMR_PENALTY_MINOR', '23'),
      ],
      '2024-03-11T02:00:00Z',
      '23',
    );
    const publishedItems = ['TAX_MAJOR_VIOLATION'];
    const tax = async () =>
      (await store.timeliness(publishedItems)).filter((t) => t.dept === 'TAX');
    expect(await tax()).toEqual([{ dept: 'TAX', kind: 'PENALTY', onTime: 1, late: 1 }]);
    // A later version of the timely one (collected long after its due day) keeps it on time.
    await collect(
      [{ ...taxEntry('T-ON-TIME', '2024-03-01', 'TAX_MAJOR_VIOLATION', '24') }],
      '2024-06-01T02:00:00Z',
      '24',
    );
    expect(await tax()).toEqual([{ dept: 'TAX', kind: 'PENALTY', onTime: 1, late: 1 }]);
  });

  it('publishes penalties for their publication period only, and withdraws repaired and removed ones', async () => {
    const store = createDisclosureStore(databases.dbs.credit);
    const objections = createObjectionStore(databases.dbs.credit);
    const penalty = (
      sourceRecordId: string,
      decidedAt: string,
      catalogCode: string | null,
      changeSeq: string,
    ) => ({
      ...published(sourceRecordId, decidedAt),
      kind: 'PENALTY' as const,
      validUntil: null,
      catalogCode,
      changeSeq,
    });
    await store.commitPage({
      source: 'AMR',
      entries: [
        penalty('P-LAST-DAY', '2024-01-31', 'AMR_PENALTY', '11'),
        penalty('P-EXPIRED', '2024-01-30', 'AMR_PENALTY', '12'),
        penalty('P-SIMPLE', '2024-12-01', 'AMR_PENALTY_MINOR', '13'),
        penalty('P-UNKNOWN', '2024-12-01', null, '14'),
        penalty('P-REPAIRED', '2024-06-01', 'AMR_PENALTY', '15'),
        penalty('P-CLAIMED', '2024-07-01', 'AMR_PENALTY', '16'),
        penalty('P-REMOVED', '2024-08-01', 'AMR_PENALTY', '17'),
        penalty('P-CORRECTED', '2024-09-01', 'AMR_PENALTY', '18'),
        { ...published('L-EXPIRED', '2020-01-02'), validUntil: '2025-01-30', changeSeq: '19' },
      ],
      cursor: '19',
      attemptAt: new Date('2025-01-31T00:00:00Z'),
      successAt: new Date('2025-01-31T00:00:00Z'),
    });
    const ref = { personId: person, sourceDept: 'AMR', catalogCode: null };
    const query = {
      kind: 'PENALTY' as const,
      dept: null,
      from: null,
      to: '2025-01-31',
      after: null,
      limit: 20,
      asOf: '2025-01-31',
      publication: [{ code: 'AMR_PENALTY', months: 12 }],
    };
    // With no repair or objection: every penalty within its period and of a published item.
    expect((await store.findPublished(query)).map((row) => row.id)).toEqual([
      'AMR:P-CORRECTED',
      'AMR:P-REMOVED',
      'AMR:P-CLAIMED',
      'AMR:P-REPAIRED',
      'AMR:P-LAST-DAY',
    ]);
    // Decided: the approved repair and the removal withdraw theirs; a correction does not.
    await objections.replaceAll(
      [
        {
          ...ref,
          sourceRecordId: 'P-REMOVED',
          reason: '并非本人',
          filedBy: 'citizen',
          filedOn: '2025-01-05',
          dueOn: '2025-01-26',
          dueOnProvisional: false,
          decision: {
            status: 'UPHELD',
            correction: 'REMOVED',
            note: '核实',
            decidedOn: '2025-01-20',
            decidedBy: 'amr',
          },
        },
        {
          ...ref,
          sourceRecordId: 'P-CORRECTED',
          reason: '金额有误',
          filedBy: 'citizen',
          filedOn: '2025-01-05',
          dueOn: '2025-01-26',
          dueOnProvisional: false,
          decision: {
            status: 'UPHELD',
            correction: 'CORRECTED',
            note: '更正',
            decidedOn: '2025-01-20',
            decidedBy: 'amr',
          },
        },
      ],
      [
        {
          ...ref,
          sourceRecordId: 'P-REPAIRED',
          commitment: '承诺',
          proofOfCorrection: '缴款凭证',
          appliedBy: 'citizen',
          appliedOn: '2025-01-10',
          decision: { approved: true, note: '同意修复', decidedOn: '2025-01-20', decidedBy: 'amr' },
        },
        {
          // A seeded claim without a record id: the person's AMR_PENALTY decided on or before it.
          personId: person,
          sourceDept: 'AMR',
          sourceRecordId: null,
          catalogCode: 'AMR_PENALTY',
          commitment: '承诺',
          proofOfCorrection: '缴款凭证',
          appliedBy: 'citizen',
          appliedOn: '2024-07-15',
          decision: { approved: true, note: '同意修复', decidedOn: '2024-07-20', decidedBy: 'amr' },
        },
      ],
    );
    expect((await store.findPublished(query)).map((row) => row.id)).toEqual(['AMR:P-CORRECTED']);
    // A licence past its validity is no longer published.
    expect(
      (await store.findPublished({ ...query, kind: 'LICENSING', from: '2020-01-01' })).map(
        (row) => row.id,
      ),
    ).not.toContain('AMR:L-EXPIRED');
    await objections.replaceAll([], []);
  });

  it('records checks and takes feedback once, from the checking department only', async () => {
    const store = createMeasuresStore(databases.dbs.credit);
    const checkedAt = new Date('2025-01-02T03:04:05.000Z');
    const check = await store.insertCheck({
      personId: person,
      matter: 'SUBSIDY',
      listStatus: 'BLACK',
      checkedAt,
      dept: 'CIVIL',
      requestedBy: 'civil-system',
      caseRef: 'CASE-1',
      measuresVersion: '2025.1',
      measureCodes: ['BLACK_SUBSIDY_RESTRICTED'],
    });
    const feedback = {
      checkId: check.id,
      dept: 'CIVIL',
      reportedBy: 'civil-system',
      appliedCodes: ['BLACK_SUBSIDY_RESTRICTED'],
      note: null,
      at: new Date('2025-01-03T00:00:00.000Z'),
    };
    expect(await store.findOpenChecks(new Date('2025-01-02T00:00:00Z'), 10)).toEqual([]);
    expect(
      (await store.findOpenChecks(new Date('2025-01-03T00:00:00Z'), 10)).map((c) => c.id),
    ).toEqual([check.id]);
    expect(await store.reportFeedback({ ...feedback, dept: 'TAX' })).toBeNull();
    const saved = await store.reportFeedback(feedback);
    expect(saved && toMeasureCheckView(saved)).toEqual({
      id: check.id,
      personId: person,
      matter: 'SUBSIDY',
      listStatus: 'BLACK',
      dept: 'CIVIL',
      requestedBy: 'civil-system',
      caseRef: 'CASE-1',
      checkedAt: checkedAt.toISOString(),
      measuresVersion: '2025.1',
      measureCodes: ['BLACK_SUBSIDY_RESTRICTED'],
      feedback: {
        reportedAt: '2025-01-03T00:00:00.000Z',
        reportedBy: 'civil-system',
        applied: ['BLACK_SUBSIDY_RESTRICTED'],
        note: null,
      },
    });
    expect(await store.reportFeedback(feedback)).toBeNull();
    expect(await store.findOpenChecks(new Date('2025-02-01T00:00:00Z'), 10)).toEqual([]);
  });
});
