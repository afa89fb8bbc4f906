/**
 * Credit lists (tasks 16, 18), the green channel (task 17) and good conduct through the REAL
 * gateway and subgraphs with the DEFAULT policy, on the fixture scenarios of DESIGN §7: an NDRC
 * officer sees lists and decisions with every reason, an AMR officer licensing sees the decision
 * without the platform's record ids, and a department whose data goes stale makes the decision
 * UNDETERMINED naming it (fail closed).
 */
import type { CallerIdentity, Department, Purpose } from '../lib/auth/caller';
import { generatePersons } from '../scripts/seed/generate-persons';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { createCreditSubgraph } from '../subgraphs/credit';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { addMonths } from '../subgraphs/credit/rules/add-months';
import { registerSubgraph } from '../subgraphs/kit/subgraph-module';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';
import { createTestSecurity } from './support/test-security';

const TODAY = new Date().toISOString().slice(0, 10);
const PERSONS = generatePersons({ count: 24, seed: 5, asOf: TODAY });
const HOUR_MS = 60 * 60 * 1000;

function scenario(name: Scenario): SyntheticPerson {
  const person = PERSONS.find((candidate) => candidate.scenario === name);
  if (!person) throw new Error(`no ${name} person`);
  return person;
}

const NDRC_VIEW = `query Lists($id: ID!) {
  person(id: $id) {
    creditRecords { id catalogCode category decidedAt displayUntil }
    creditProfile {
      lists { list name basis { recordId catalogCode decidedAt displayUntil } since until }
      greenChannel { decision reasons { code dept recordId catalogCode decidedAt list } }
    }
  }
}`;

interface RecordView {
  id: string;
  catalogCode: string;
  category: string;
  decidedAt: string;
  displayUntil: string;
}

interface ListView {
  list: string;
  name: string;
  basis: { recordId: string; catalogCode: string; decidedAt: string; displayUntil: string }[];
  since: string;
  until: string;
}

interface ReasonView {
  code: string;
  dept: string | null;
  recordId: string | null;
  catalogCode: string | null;
  decidedAt: string | null;
  list: string | null;
}

interface NdrcView {
  creditRecords: RecordView[];
  creditProfile: {
    lists: ListView[];
    greenChannel: { decision: string; reasons: ReasonView[] };
  };
}

const NO_BAD: ReasonView = {
  code: 'NO_BAD_RECORD',
  dept: null,
  recordId: null,
  catalogCode: null,
  decidedAt: null,
  list: null,
};

function reasonFor(code: string, record: RecordView, dept: string, list: string | null = null) {
  return {
    code,
    dept,
    recordId: record.id,
    catalogCode: record.catalogCode,
    decidedAt: record.decidedAt,
    list,
  };
}

function basisOf(record: RecordView) {
  return {
    recordId: record.id,
    catalogCode: record.catalogCode,
    decidedAt: record.decidedAt,
    displayUntil: record.displayUntil,
  };
}

describe('credit lists and green channel through the gateway (default policy)', () => {
  let system: GatewayForTest;
  let offsetMs = 0;
  const credit = createCreditSubgraph({
    collectOnStart: false,
    collector: { log: () => undefined },
    // The test's clock: moved forward below to let a source go stale without waiting.
    now: () => new Date(Date.now() + offsetMs),
    staleAfterMs: HOUR_MS,
    log: () => undefined,
  });

  async function ask(
    dept: Department,
    purpose: Purpose,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse> {
    const identity: CallerIdentity = {
      sub: `officer-${dept.toLowerCase()}-01`,
      clientType: 'officer',
      dept,
      roles: [],
    };
    const headers = await system.security.userHeaders(identity, purpose, 'CASE-2025-0017');
    return postGraphQL(system.gateway.url, query, variables, headers);
  }

  async function ndrcView(person: SyntheticPerson): Promise<NdrcView> {
    const result = await ask('NDRC', 'ADMIN_LICENSING', NDRC_VIEW, { id: person.id });
    expect(result.errors).toBeUndefined();
    return (result.data as { person: NdrcView }).person;
  }

  beforeAll(async () => {
    const modules = ALL_SUBGRAPHS.map((module) =>
      module.name === credit.name ? registerSubgraph(credit) : module,
    );
    system = await startGatewayForTest({
      modules,
      persons: PERSONS,
      security: createTestSecurity(),
    });
    const reports = await credit.collectOnce();
    expect(reports.map((report) => [report.dept, report.error])).toEqual([
      ['TAX', null],
      ['COURT', null],
      ['AMR', null],
      ['EDU', null],
      ['HRSS', null],
      ['HEALTH', null],
      ['JUSTICE', null],
      ['PSB', null],
    ]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('clean: no list, ELIGIBLE for want of any bad record', async () => {
    const view = await ndrcView(scenario('clean'));
    expect(view.creditProfile).toEqual({
      lists: [],
      greenChannel: { decision: 'ELIGIBLE', reasons: [NO_BAD] },
    });
  });

  it('clean_3y: the old performed record has expired, so ELIGIBLE', async () => {
    const view = await ndrcView(scenario('clean_3y'));
    expect(view.creditRecords).toEqual([]);
    expect(view.creditProfile).toEqual({
      lists: [],
      greenChannel: { decision: 'ELIGIBLE', reasons: [NO_BAD] },
    });
  });

  it('serious_dishonest: on the BLACK list, NOT_ELIGIBLE naming the listing and both records', async () => {
    const view = await ndrcView(scenario('serious_dishonest'));
    const debtor = view.creditRecords.find((r) => r.catalogCode === 'COURT_DISHONEST_DEBTOR');
    const restricted = view.creditRecords.find(
      (r) => r.catalogCode === 'COURT_CONSUMPTION_RESTRICTED',
    );
    if (!debtor || !restricted) throw new Error('serious_dishonest records missing');
    const oldestFirst = [debtor, restricted].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
    expect(view.creditProfile).toEqual({
      lists: [
        {
          list: 'BLACK',
          name: '严重失信主体名单（重点监管对象）',
          basis: [basisOf(debtor)],
          since: debtor.decidedAt,
          until: debtor.displayUntil,
        },
      ],
      greenChannel: {
        decision: 'NOT_ELIGIBLE',
        reasons: [
          reasonFor('LISTED', debtor, 'COURT', 'BLACK'),
          ...oldestFirst.map((record) => reasonFor('BAD_RECORD', record, 'COURT')),
        ],
      },
    });
  });

  it('good_record_red_list: on the RED list on every good record, ELIGIBLE on them', async () => {
    const view = await ndrcView(scenario('good_record_red_list'));
    const good = [...view.creditRecords].reverse();
    expect(good.map((r) => r.category)).toEqual(good.map(() => 'GOOD'));
    // TAX_A_LEVEL, the market or education honour, and the platform's own volunteer record.
    expect(good.map((r) => r.catalogCode).sort()).toEqual(
      [
        'CIVIL_VOLUNTEER_SERVICE',
        'TAX_A_LEVEL',
        good.some((r) => r.catalogCode === 'AMR_CONTRACT_HONOUR')
          ? 'AMR_CONTRACT_HONOUR'
          : 'EDU_EXCELLENT_TEACHER',
      ].sort(),
    );
    const [red] = view.creditProfile.lists;
    expect(red).toEqual({
      list: 'RED',
      name: '守信激励对象名单',
      basis: good.map(basisOf),
      since: good[0].decidedAt,
      // The latest day a basis record still counts: displayed and decided within 12 months.
      until: good
        .map((r) => [r.displayUntil, addMonths(r.decidedAt, 12)].sort()[0])
        .sort()
        .reverse()[0],
    });
    expect(view.creditProfile.greenChannel).toEqual({
      decision: 'ELIGIBLE',
      reasons: good.map((record) =>
        reasonFor('GOOD_RECORD', record, record.id.slice(0, record.id.indexOf(':'))),
      ),
    });
  });

  it('general_bad: no list, NOT_ELIGIBLE naming the penalty', async () => {
    const view = await ndrcView(scenario('general_bad'));
    const [penalty] = view.creditRecords;
    expect(view.creditRecords.map((r) => r.catalogCode)).toEqual(['AMR_PENALTY']);
    expect(view.creditProfile).toEqual({
      lists: [],
      greenChannel: {
        decision: 'NOT_ELIGIBLE',
        reasons: [reasonFor('BAD_RECORD', penalty, 'AMR')],
      },
    });
  });

  it('an AMR officer licensing sees the decision and list, not the record ids', async () => {
    const person = scenario('serious_dishonest');
    const query = `query Licensing($id: ID!) {
      person(id: $id) {
        creditProfile {
          lists { list since until }
          greenChannel { decision reasons { code dept catalogCode } }
        }
      }
    }`;
    const result = await ask('AMR', 'ADMIN_LICENSING', query, { id: person.id });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: {
        creditProfile: {
          lists: [{ list: 'BLACK', since: expect.any(String), until: expect.any(String) }],
          greenChannel: {
            decision: 'NOT_ELIGIBLE',
            reasons: [
              { code: 'LISTED', dept: 'COURT', catalogCode: 'COURT_DISHONEST_DEBTOR' },
              ...(await ndrcView(person)).creditProfile.greenChannel.reasons
                .filter((reason) => reason.code === 'BAD_RECORD')
                .map((reason) => ({
                  code: 'BAD_RECORD',
                  dept: 'COURT',
                  catalogCode: reason.catalogCode,
                })),
            ],
          },
        },
      },
    });
    const denied = await ask(
      'AMR',
      'ADMIN_LICENSING',
      `query Ids($id: ID!) { person(id: $id) { creditProfile { greenChannel { reasons { recordId } } } } }`,
      { id: person.id },
    );
    expect(
      (denied.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.field]),
    ).toContainEqual(['FORBIDDEN', 'GreenChannelReason.recordId']);
  });

  it('is UNDETERMINED naming TAX as soon as its collection fails, and after it goes stale', async () => {
    await system.stopSubgraph('tax');
    const reports = await credit.collectOnce();
    expect(reports.map((report) => [report.dept, report.error === null])).toEqual([
      ['TAX', false],
      ['COURT', true],
      ['AMR', true],
      ['EDU', true],
      ['HRSS', true],
      ['HEALTH', true],
      ['JUSTICE', true],
      ['PSB', true],
    ]);
    const failed = {
      code: 'SOURCE_FAILED',
      dept: 'TAX',
      recordId: null,
      catalogCode: null,
      decidedAt: null,
      list: null,
    };
    // Right after the failed attempt, well within the staleness bound: unknown at once.
    expect((await ndrcView(scenario('clean'))).creditProfile.greenChannel).toEqual({
      decision: 'UNDETERMINED',
      reasons: [failed],
    });
    // A person with good records only is not ELIGIBLE either while TAX is unknown.
    const red = await ndrcView(scenario('good_record_red_list'));
    expect(red.creditProfile.greenChannel).toEqual({ decision: 'UNDETERMINED', reasons: [failed] });
    offsetMs = 2 * HOUR_MS;
    expect((await ndrcView(scenario('clean'))).creditProfile.greenChannel.decision).toBe(
      'UNDETERMINED',
    );
  });
});
