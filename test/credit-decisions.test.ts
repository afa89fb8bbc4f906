/**
 * Credit decisions that never contradict each other, follow the national periods and keep working
 * past the calendar, through the REAL gateway and subgraphs with the DEFAULT policy, on the fixture
 * scenarios made for them (.data/fixtures.json): good_and_general_bad, deceased_clean,
 * repaired_penalty, objection_upheld, old_unpaid_arrears and court_listing; and a county whose
 * "today" is 2028-06-01, past the last year of policy/calendar.yaml, filing and deciding an
 * objection.
 */
import type { CallerIdentity, Department, Purpose } from '../lib/auth/caller';
import { addWorkingDays } from '../subgraphs/credit/objections/add-working-days';
import { loadCalendar } from '../subgraphs/credit/objections/load-calendar';
import { addMonths } from '../subgraphs/credit/rules/add-months';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import { planMarketRecords } from '../subgraphs/market/seed';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) {
    householdStatus
    creditRecords { id catalogCode category decidedAt status displayUntil }
    creditProfile {
      score
      breakdown { recordId catalogCode points reason }
      lists { list basis { recordId catalogCode } }
      greenChannel { decision reasons { code dept catalogCode } }
    }
  }
}`;

const JOINT_MEASURES = `query Check($personId: ID!, $matter: MatterType!) {
  jointMeasures(personId: $personId, matter: $matter) {
    listStatus complete incompleteReasons measures { code kind trigger }
  }
}`;

const DISCLOSURES = `query Disclosures($after: String) {
  publicDisclosures(filter: { kind: PENALTY }, first: 100, after: $after) {
    nodes { decisionNo } endCursor hasMore
  }
}`;

const APPLY = `mutation Apply($recordId: ID!) {
  applyForRepair(recordId: $recordId, commitment: "本人承诺依法履行义务", proofOfCorrection: "已履行完毕的证明") { id status }
}`;

const FILE = `mutation File($recordId: ID!, $reason: String!) {
  fileObjection(recordId: $recordId, reason: $reason) { id filedOn dueOn dueOnProvisional status }
}`;

const DECIDE = `mutation Decide($id: ID!) {
  decideObjection(objectionId: $id, outcome: UPHELD, correction: REMOVED, note: "核实有误，撤回") {
    id status correction decidedOn dueOnProvisional
  }
}`;

interface RecordView {
  id: string;
  catalogCode: string;
  category: string;
  decidedAt: string;
  status: string;
  displayUntil: string | null;
}

interface ProfileView {
  householdStatus: string | null;
  creditRecords: RecordView[];
  creditProfile: {
    score: number;
    breakdown: { recordId: string; catalogCode: string; points: number; reason: string }[];
    lists: { list: string; basis: { recordId: string; catalogCode: string }[] }[];
    greenChannel: {
      decision: string;
      reasons: { code: string; dept: string | null; catalogCode: string | null }[];
    };
  };
}

interface DisclosurePage {
  nodes: { decisionNo: string }[];
  endCursor: string | null;
  hasMore: boolean;
}

interface Measures {
  listStatus: string;
  complete: boolean;
  incompleteReasons: string[];
  measures: { code: string; kind: string; trigger: string }[];
}

function officer(dept: Department): CallerIdentity {
  return { sub: `${dept.toLowerCase()}-officer-07`, clientType: 'officer', dept, roles: [] };
}

function citizen(personId: string): CallerIdentity {
  return { sub: `citizen-${personId}`, clientType: 'citizen', personId, roles: [] };
}

async function ask<Data>(
  system: SecureSystem,
  identity: CallerIdentity,
  query: string,
  variables: Record<string, unknown>,
  purpose?: Purpose,
): Promise<GraphQLResponse<Data>> {
  const headers = await system.security.userHeaders(
    identity,
    purpose,
    purpose ? 'CASE-2026-0311' : undefined,
  );
  return postGraphQL<Data>(system.gatewayUrl, query, variables, headers);
}

describe('credit decisions on the fixture scenarios, through the gateway (default policy)', () => {
  let system: SecureSystem;

  const personOf = (scenario: Scenario): string => system.fixtures.scenarios[scenario][0];

  async function profileOf(scenario: Scenario): Promise<ProfileView> {
    const result = await ask<{ person: ProfileView }>(
      system,
      officer('NDRC'),
      PROFILE,
      { id: personOf(scenario) },
      'ADMIN_LICENSING',
    );
    expect(result.errors).toBeUndefined();
    return (result.data as { person: ProfileView }).person;
  }

  async function measuresOf(scenario: Scenario, matter = 'LICENSING'): Promise<Measures> {
    const result = await ask<{ jointMeasures: Measures }>(
      system,
      officer('AMR'),
      JOINT_MEASURES,
      { personId: personOf(scenario), matter },
      'ADMIN_LICENSING',
    );
    expect(result.errors).toBeUndefined();
    return (result.data as { jointMeasures: Measures }).jointMeasures;
  }

  /** Decision numbers of every penalty published to anonymous clients. */
  async function publishedPenalties(): Promise<string[]> {
    const numbers: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<{ publicDisclosures: DisclosurePage }> = await postGraphQL(
        system.gatewayUrl,
        DISCLOSURES,
        { after },
      );
      expect(page.errors).toBeUndefined();
      const connection: DisclosurePage | undefined = page.data?.publicDisclosures;
      numbers.push(...(connection?.nodes ?? []).map((node) => node.decisionNo));
      if (!connection?.hasMore) return numbers;
      after = connection.endCursor;
    }
  }

  /** The decision numbers of the market bureau's penalties about the person of `scenario`. */
  function penaltyNumbersOf(scenario: Scenario): string[] {
    const personId = personOf(scenario);
    return planMarketRecords(system.persons, system.fixtures.asOf)
      .penalties.filter((penalty) => penalty.personId === personId)
      .map((penalty) => penalty.decisionNo);
  }

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 120 });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('good_and_general_bad: NOT_ELIGIBLE whatever the good record, and no incentive measure', async () => {
    const person = await profileOf('good_and_general_bad');
    expect(person.creditRecords.map((r) => [r.catalogCode, r.category]).sort()).toEqual([
      ['AMR_PENALTY', 'GENERAL_BAD'],
      ['CIVIL_VOLUNTEER_SERVICE', 'GOOD'],
    ]);
    expect(person.creditProfile.lists).toEqual([]);
    expect(person.creditProfile.greenChannel).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [{ code: 'BAD_RECORD', dept: 'AMR', catalogCode: 'AMR_PENALTY' }],
    });
    for (const matter of ['LICENSING', 'SUBSIDY', 'HONOURS']) {
      const measures = await measuresOf('good_and_general_bad', matter);
      expect(measures.measures.filter((m) => m.kind === 'INCENTIVE')).toEqual([]);
      expect(measures.complete).toBe(true);
    }
    expect((await measuresOf('good_and_general_bad')).measures).toEqual([
      { code: 'FOCUS_LICENSING_COMMITMENT_LIMITED', kind: 'DISCIPLINE', trigger: 'GENERAL_BAD' },
    ]);
  });

  it('deceased_clean: UNDETERMINED on the register flag, and joint measures marked incomplete', async () => {
    const person = await profileOf('deceased_clean');
    expect(person.householdStatus).toBe('DECEASED');
    expect(person.creditRecords).toEqual([]);
    expect(person.creditProfile.greenChannel).toEqual({
      decision: 'UNDETERMINED',
      reasons: [{ code: 'REGISTER_FLAGGED', dept: 'PSB', catalogCode: null }],
    });
    expect(await measuresOf('deceased_clean')).toEqual({
      listStatus: 'NONE',
      complete: false,
      incompleteReasons: [
        "the household register (PSB) flags this person's registration: no credit decision is " +
          'made until the register office clears it',
      ],
      measures: [],
    });
    // A clean person of the same age and history is ELIGIBLE: the flag alone decides.
    expect((await profileOf('clean')).creditProfile.greenChannel.decision).toBe('ELIGIBLE');
  });

  it('repaired_penalty: the repaired penalty is gone from the public disclosure and the profile', async () => {
    const published = await publishedPenalties();
    const [repaired] = penaltyNumbersOf('repaired_penalty');
    const [unrepaired] = penaltyNumbersOf('good_and_general_bad');
    expect(repaired).toBeDefined();
    // The same kind of penalty, not repaired, is published: the repair alone withdrew it.
    expect(published).toContain(unrepaired);
    expect(published).not.toContain(repaired);
    const person = await profileOf('repaired_penalty');
    expect(person.creditRecords).toEqual([]);
    expect(person.creditProfile.score).toBe(1000);
  });

  it('objection_upheld: the removed penalty is gone from profile, lists and disclosure', async () => {
    const person = await profileOf('objection_upheld');
    expect(person.creditRecords.map((r) => r.catalogCode)).toEqual(['CIVIL_VOLUNTEER_SERVICE']);
    const [volunteering] = person.creditRecords;
    expect(person.creditProfile.breakdown.map((line) => line.catalogCode)).toEqual([
      'CIVIL_VOLUNTEER_SERVICE',
    ]);
    expect(person.creditProfile.score).toBe(1010);
    // With the penalty removed nothing keeps the person off the red list.
    expect(person.creditProfile.lists).toEqual([
      {
        list: 'RED',
        basis: [{ recordId: volunteering.id, catalogCode: 'CIVIL_VOLUNTEER_SERVICE' }],
      },
    ]);
    expect(person.creditProfile.greenChannel.decision).toBe('ELIGIBLE');
    const [removed] = penaltyNumbersOf('objection_upheld');
    expect(removed).toBeDefined();
    expect(await publishedPenalties()).not.toContain(removed);
    expect((await measuresOf('objection_upheld')).measures).toEqual([
      { code: 'RED_LICENSING_GREEN_CHANNEL', kind: 'INCENTIVE', trigger: 'RED' },
    ]);
  });

  it('old_unpaid_arrears: decided over 12 months ago, unpaid, still displayed and counted', async () => {
    const person = await profileOf('old_unpaid_arrears');
    expect(person.creditRecords).toEqual([
      {
        id: expect.stringMatching(/^TAX:/),
        catalogCode: 'TAX_ARREARS',
        category: 'GENERAL_BAD',
        decidedAt: expect.any(String),
        status: 'ACTIVE',
        displayUntil: null,
      },
    ]);
    const [arrears] = person.creditRecords;
    expect(addMonths(arrears.decidedAt, 12) < system.fixtures.asOf).toBe(true);
    expect(person.creditProfile.score).toBe(970);
    expect(person.creditProfile.greenChannel).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [{ code: 'BAD_RECORD', dept: 'TAX', catalogCode: 'TAX_ARREARS' }],
    });
  });

  it('court_listing: one case counted once, and repair refused naming the court', async () => {
    const personId = personOf('court_listing');
    const person = await profileOf('court_listing');
    const listing = person.creditRecords.find((r) => r.catalogCode === 'COURT_DISHONEST_DEBTOR');
    const restriction = person.creditRecords.find(
      (r) => r.catalogCode === 'COURT_CONSUMPTION_RESTRICTED',
    );
    if (!listing || !restriction) throw new Error('court_listing records missing');
    expect(person.creditProfile.score).toBe(850);
    expect(person.creditProfile.breakdown.find((l) => l.recordId === restriction.id)).toEqual({
      recordId: restriction.id,
      catalogCode: 'COURT_CONSUMPTION_RESTRICTED',
      points: 0,
      reason: expect.stringContaining(`same case as 失信被执行人 (${listing.id})`),
    });
    expect(person.creditProfile.lists.map((entry) => entry.list)).toEqual(['BLACK']);

    const refused = await ask<{ applyForRepair: unknown }>(system, citizen(personId), APPLY, {
      recordId: listing.id,
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].extensions).toMatchObject({
      argument: 'recordId',
      repairRoute: 'SOURCE_DECISION',
      routeDept: 'COURT',
    });
    expect(refused.errors?.[0].message).toContain('apply to COURT');
    expect(refused.errors?.[0].message).toContain(
      '最高人民法院关于公布失信被执行人名单信息的若干规定',
    );
  });
  describe.each([
    {
      scenario: 'doctor_violation' as const,
      dept: 'HEALTH' as const,
      domain: `health { certificates { occupation status } violations { kind status description } }`,
      field: 'health',
      expected: {
        certificates: [{ occupation: 'DOCTOR', status: 'ACTIVE' }],
        violations: [{ kind: 'WARNING', status: 'ACTIVE', description: expect.any(String) }],
      },
      catalogCode: 'HEALTH_PRACTICE_VIOLATION',
      points: -30,
      occupation: { occupation: 'DOCTOR', dept: 'HEALTH', status: 'ACTIVE' },
    },
    {
      scenario: 'lawyer_suspended' as const,
      dept: 'JUSTICE' as const,
      domain: `justice { licences { occupation status } sanctions { kind status description } }`,
      field: 'justice',
      expected: {
        licences: [{ occupation: 'LAWYER', status: 'SUSPENDED' }],
        sanctions: [{ kind: 'SUSPENSION', status: 'ACTIVE', description: expect.any(String) }],
      },
      catalogCode: 'JUSTICE_PRACTICE_SUSPENDED',
      points: -50,
      occupation: { occupation: 'LAWYER', dept: 'JUSTICE', status: 'SUSPENDED' },
    },
    {
      scenario: 'civil_servant_sanction' as const,
      dept: 'HRSS' as const,
      domain: `hrss { civilService { occupation status } decisions { kind status description } }`,
      field: 'hrss',
      expected: {
        civilService: [{ occupation: 'CIVIL_SERVANT', status: 'ACTIVE' }],
        decisions: [
          { kind: 'CIVIL_SERVANT_SANCTION', status: 'ACTIVE', description: expect.any(String) },
        ],
      },
      catalogCode: 'HRSS_CIVIL_SERVANT_SANCTION',
      points: -30,
      occupation: { occupation: 'CIVIL_SERVANT', dept: 'HRSS', status: 'ACTIVE' },
    },
  ])(
    '$scenario: a key occupational group',
    ({ scenario, dept, domain, field, expected, catalogCode, points, occupation }) => {
      const DOMAIN = `query Domain($id: ID!) { person(id: $id) { ${domain} } }`;

      it(`shows in the domain of ${dept} to ${dept}, facts included`, async () => {
        const result = await ask<{ person: Record<string, unknown> }>(
          system,
          officer(dept),
          DOMAIN,
          { id: personOf(scenario) },
          'ADMIN_ENFORCEMENT',
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.person[field]).toEqual(expected);
      });

      it('is a credit record with its points for NDRC, which never sees the case file', async () => {
        const person = await profileOf(scenario);
        const record = person.creditRecords.find((r) => r.catalogCode === catalogCode);
        expect(record).toMatchObject({ status: 'ACTIVE' });
        expect(person.creditProfile.breakdown).toContainEqual(
          expect.objectContaining({ recordId: record?.id, catalogCode, points }),
        );
        expect(person.creditProfile.score).toBe(1000 + points);
        const caseFile = await ask<{ person: Record<string, unknown> | null }>(
          system,
          officer('NDRC'),
          DOMAIN,
          { id: personOf(scenario) },
          'ADMIN_LICENSING',
        );
        expect(caseFile.data?.person?.[field]).toBeNull();
        expect(caseFile.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      });

      it('names its key group, and NDRC can ask for the records of one key group', async () => {
        const result = await ask<{ person: Record<string, { catalogCode: string }[]> }>(
          system,
          officer('NDRC'),
          `query Groups($id: ID!, $group: KeyGroup) { person(id: $id) {
            all: creditRecords { catalogCode keyGroup }
            group: creditRecords(keyGroup: $group) { catalogCode keyGroup }
            notaries: creditRecords(keyGroup: NOTARY) { catalogCode }
          } }`,
          { id: personOf(scenario), group: occupation.occupation },
          'ADMIN_LICENSING',
        );
        expect(result.errors).toBeUndefined();
        const person = result.data?.person;
        const concerned = { catalogCode, keyGroup: occupation.occupation };
        expect(person?.all).toContainEqual(concerned);
        expect(person?.group).toEqual([concerned]);
        expect(person?.notaries).toEqual([]);
      });

      it('is among the occupations another department sees, with its issuer and status', async () => {
        const result = await ask<{ person: { occupations: unknown[] } }>(
          system,
          officer('TAX'),
          `query Occupations($id: ID!) { person(id: $id) { occupations { occupation dept status } } }`,
          { id: personOf(scenario) },
          'ADMIN_LICENSING',
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.person.occupations).toContainEqual(occupation);
      });
    },
  );
});

describe('a county whose today is 2028-06-01, past the last year of the calendar', () => {
  const calendar = loadCalendar();
  let system: SecureSystem;

  beforeAll(async () => {
    system = await startSecureSystem({
      persons: 40,
      asOf: '2028-06-01',
      // 10:00 in China on 2028-06-01.
      now: () => new Date('2028-06-01T02:00:00Z'),
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('warns at start that the confirmed holidays have ended', () => {
    expect(system.creditLog).toContainEqual(
      expect.stringContaining('confirmed holidays ended on 2026-12-31'),
    );
  });

  it('files an objection due provisionally, logs it, and lets the source department decide it', async () => {
    const personId = system.fixtures.scenarios.general_bad[0];
    const records = await ask<{ person: ProfileView }>(
      system,
      citizen(personId),
      PROFILE.replace('householdStatus', ''),
      { id: personId },
      'SELF_QUERY',
    );
    expect(records.errors).toBeUndefined();
    const penalty = records.data?.person.creditRecords.find((r) => r.catalogCode === 'AMR_PENALTY');
    if (!penalty) throw new Error('general_bad penalty missing');

    const filed = await ask<{ fileObjection: { id: string } }>(system, citizen(personId), FILE, {
      recordId: penalty.id,
      reason: '处罚对象并非本人',
    });
    expect(filed.errors).toBeUndefined();
    const objectionId = filed.data?.fileObjection.id ?? '';
    // 15 working days with weekends and fixed-date holidays only: Thursday 06-01 to 06-22.
    expect(addWorkingDays(calendar, '2028-06-01', 15)).toEqual({
      date: '2028-06-22',
      provisional: true,
    });
    expect(filed.data?.fileObjection).toEqual({
      id: objectionId,
      filedOn: '2028-06-01',
      dueOn: '2028-06-22',
      dueOnProvisional: true,
      status: 'OPEN',
    });
    expect(system.creditLog).toContainEqual(
      expect.stringMatching(
        new RegExp(`objection ${objectionId} filed 2028-06-01 is due 2028-06-22 PROVISIONALLY`),
      ),
    );

    const decided = await ask<{ decideObjection: unknown }>(
      system,
      officer('AMR'),
      DECIDE,
      { id: objectionId },
      'CREDIT_REPAIR',
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideObjection).toEqual({
      id: objectionId,
      status: 'UPHELD',
      correction: 'REMOVED',
      decidedOn: '2028-06-01',
      dueOnProvisional: true,
    });
    const after = await ask<{ person: ProfileView }>(
      system,
      citizen(personId),
      PROFILE.replace('householdStatus', ''),
      { id: personId },
      'SELF_QUERY',
    );
    expect(after.data?.person.creditRecords.map((r) => r.catalogCode)).not.toContain('AMR_PENALTY');
  });
});
