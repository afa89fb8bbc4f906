/**
 * Objections (异议) and credit repair (信用修复), issue 5, through the REAL gateway with the
 * DEFAULT policy: the citizen files and applies for their own records, the record's source
 * department decides, and the credit platform (NDRC) lists overdue objections. The seeded
 * `under_objection` and `repaired` claims apply to records the collector collected after the seed.
 */
import type { CallerIdentity, Department } from '../lib/auth/caller';
import { createCreditFeedStore } from '../subgraphs/kit/credit-feed-store';
import { addDays } from '../subgraphs/kit/seed/random';
import { addWorkingDays } from '../subgraphs/credit/objections/add-working-days';
import { loadCalendar } from '../subgraphs/credit/objections/load-calendar';
import { repairPossibleFrom } from '../subgraphs/credit/objections/repair-possible-from';
import { loadCatalog } from '../subgraphs/credit/rules/load-catalog';
import { chinaToday } from '../lib/civil-time/china-today';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';

const calendar = loadCalendar();
const catalog = loadCatalog();

const RECORDS = `query Records($id: ID!) {
  person(id: $id) {
    creditRecords {
      id catalogCode sourceDept decidedAt underObjection
      objection { id recordId status dueOn correction overdue }
      repair { id status }
    }
    creditProfile { score }
  }
}`;

const FILE = `mutation File($recordId: ID!, $reason: String!) {
  fileObjection(recordId: $recordId, reason: $reason) {
    id recordId personId sourceDept reason filedOn dueOn status correction decisionNote decidedOn overdue
  }
}`;

const DECIDE = `mutation Decide($id: ID!, $outcome: ObjectionOutcome!, $correction: ObjectionCorrection, $note: String!) {
  decideObjection(objectionId: $id, outcome: $outcome, correction: $correction, note: $note) {
    id recordId status correction decisionNote decidedOn overdue
  }
}`;

const APPLY = `mutation Apply($recordId: ID!) {
  applyForRepair(recordId: $recordId, commitment: "本人承诺依法履行义务", proofOfCorrection: "已履行完毕的证明") {
    id recordId personId sourceDept appliedOn status decisionNote decidedOn
  }
}`;

const DECIDE_REPAIR = `mutation DecideRepair($id: ID!) {
  decideRepair(repairId: $id, approved: true, note: "已履行并作出信用承诺，同意修复") {
    id recordId status decisionNote decidedOn
  }
}`;

const OVERDUE = `query Overdue($asOf: String) {
  overdueObjections(asOf: $asOf) { id recordId personId sourceDept dueOn status overdue }
}`;

interface RecordView {
  id: string;
  catalogCode: string;
  sourceDept: string;
  decidedAt: string;
  underObjection: boolean;
  objection: {
    id: string;
    recordId: string;
    status: string;
    dueOn: string;
    correction: string | null;
    overdue: boolean;
  } | null;
  repair: { id: string; status: string } | null;
}

interface RecordsData {
  person: { creditRecords: RecordView[]; creditProfile: { score: number } };
}

/** Every error as `code argument-or-ruleId`. */
function errorLines(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((error) => {
    const { code, argument, ruleId } = error.extensions ?? {};
    return `${String(code)} ${String(argument ?? ruleId)}`;
  });
}

describe('objections and repairs through the gateway (default policy)', () => {
  let system: SecureSystem;
  const today = chinaToday();

  const personOf = (scenario: string): string => system.fixtures.scenarios[scenario as 'clean'][0];

  async function asCitizen<Data = Record<string, unknown>>(
    personId: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>> {
    const identity: CallerIdentity = {
      sub: `citizen-${personId}`,
      clientType: 'citizen',
      personId,
      roles: [],
    };
    return postGraphQL<Data>(
      system.gatewayUrl,
      query,
      variables,
      await system.security.userHeaders(identity),
    );
  }

  async function asOfficer<Data = Record<string, unknown>>(
    dept: Department,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>> {
    const identity: CallerIdentity = {
      sub: `${dept.toLowerCase()}-credit-officer`,
      clientType: 'officer',
      dept,
      roles: ['officer'],
    };
    return postGraphQL<Data>(
      system.gatewayUrl,
      query,
      variables,
      await system.security.userHeaders(identity, 'CREDIT_REPAIR', 'XY-2026-0042'),
    );
  }

  async function recordsOf(personId: string): Promise<RecordsData['person']> {
    const result = await asCitizen<RecordsData>(personId, RECORDS, { id: personId });
    expect(result.errors).toBeUndefined();
    return (result.data as RecordsData).person;
  }

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 120 });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows the seeded objection on the under_objection record, collected after the seed', async () => {
    const person = await recordsOf(personOf('under_objection'));
    const penalty = person.creditRecords.find((record) => record.catalogCode === 'AMR_PENALTY');
    const filedOn = addDays(system.fixtures.asOf, -5);
    expect(penalty).toEqual({
      id: penalty?.id,
      catalogCode: 'AMR_PENALTY',
      sourceDept: 'AMR',
      decidedAt: penalty?.decidedAt,
      underObjection: true,
      objection: {
        id: expect.any(String),
        recordId: penalty?.id,
        status: 'OPEN',
        dueOn: addWorkingDays(calendar, filedOn, 15).date,
        correction: null,
        overdue: false,
      },
      repair: null,
    });
  });

  it('hides the repaired TAX_ARREARS record from records and points', async () => {
    const person = await recordsOf(personOf('repaired'));
    expect(person.creditRecords.filter((record) => record.catalogCode === 'TAX_ARREARS')).toEqual(
      [],
    );
    expect(person).toEqual({ creditRecords: [], creditProfile: { score: 1000 } });
  });

  describe('an objection filed by the citizen and decided by the source department', () => {
    let personId: string;
    let penalty: RecordView;
    let objectionId: string;

    beforeAll(async () => {
      personId = personOf('general_bad');
      const before = await recordsOf(personId);
      penalty = before.creditRecords.find((r) => r.catalogCode === 'AMR_PENALTY') as RecordView;
      expect(before.creditProfile.score).toBe(970);
    });

    it('files the objection: the record shows under objection, due in 15 working days', async () => {
      const result = await asCitizen<{ fileObjection: { id: string } }>(personId, FILE, {
        recordId: penalty.id,
        reason: '当事人并非该个体工商户经营者',
      });
      expect(result.errors).toBeUndefined();
      objectionId = result.data?.fileObjection.id ?? '';
      expect(result.data?.fileObjection).toEqual({
        id: objectionId,
        recordId: penalty.id,
        personId,
        sourceDept: 'AMR',
        reason: '当事人并非该个体工商户经营者',
        filedOn: today,
        dueOn: addWorkingDays(calendar, today, 15).date,
        status: 'OPEN',
        correction: null,
        decisionNote: null,
        decidedOn: null,
        overdue: false,
      });
      const after = await recordsOf(personId);
      expect(after.creditRecords.map((r) => [r.id, r.underObjection, r.objection?.id])).toEqual([
        [penalty.id, true, objectionId],
      ]);
    });

    it('refuses a second open objection and another citizen filing on this record', async () => {
      const again = await asCitizen(personId, FILE, { recordId: penalty.id, reason: '再次' });
      expect(errorLines(again)).toEqual(['BAD_USER_INPUT recordId']);
      const stranger = await asCitizen(personOf('clean'), FILE, {
        recordId: penalty.id,
        reason: '冒用',
      });
      // Someone else's record is refused like a missing one: ids reveal nothing.
      expect(errorLines(stranger)).toEqual(['FORBIDDEN objections-on-own-records-only']);
      const missing = await asCitizen(personOf('clean'), FILE, {
        recordId: 'AMR:no-such-record',
        reason: '冒用',
      });
      expect(missing.errors?.map((error) => error.extensions)).toEqual(
        stranger.errors?.map((error) => error.extensions),
      );
      expect(missing.errors?.[0].message).toBe(stranger.errors?.[0].message);
    });

    it('lets only the source department decide: TAX is FORBIDDEN on an AMR record', async () => {
      const result = await asOfficer('TAX', DECIDE, {
        id: objectionId,
        outcome: 'UPHELD',
        correction: 'REMOVED',
        note: '越权',
      });
      expect(result.data).toBeNull();
      expect(errorLines(result)).toEqual(['FORBIDDEN decisions-by-source-dept-only']);
      expect(result.errors?.[0].extensions?.reason).toBe(
        "rule decisions-by-source-dept-only lets Mutation.decideObjection act only on data of the caller's department; this is data of AMR, so only AMR may",
      );
    });

    it('removes the record when AMR upholds with REMOVED: gone from records, score back', async () => {
      const result = await asOfficer('AMR', DECIDE, {
        id: objectionId,
        outcome: 'UPHELD',
        correction: 'REMOVED',
        note: '经核查，处罚对象登记错误，撤回该信息',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        decideObjection: {
          id: objectionId,
          recordId: penalty.id,
          status: 'UPHELD',
          correction: 'REMOVED',
          decisionNote: '经核查，处罚对象登记错误，撤回该信息',
          decidedOn: today,
          overdue: false,
        },
      });
      expect(await recordsOf(personId)).toEqual({
        creditRecords: [],
        creditProfile: { score: 1000 },
      });
    });
  });

  it('refuses a repair before the minimum display period, naming the date it becomes possible', async () => {
    const personId = personOf('under_objection');
    const { creditRecords } = await recordsOf(personId);
    const penalty = creditRecords.find((r) => r.catalogCode === 'AMR_PENALTY') as RecordView;
    const from = repairPossibleFrom(
      penalty,
      catalog.byCode.get('AMR_PENALTY') ?? { repair: 'CREDIT_PLATFORM', minDisplayMonths: 3 },
    );
    const result = await asCitizen(personId, APPLY, { recordId: penalty.id });
    expect(result.data).toBeNull();
    const extensions = result.errors?.map((error) => {
      const { code, argument, reason, repairPossibleFrom: date } = error.extensions ?? {};
      return { code, argument, reason, repairPossibleFrom: date };
    });
    expect(extensions).toEqual([
      {
        code: 'BAD_USER_INPUT',
        argument: 'recordId',
        reason: `repair is possible from ${from}`,
        repairPossibleFrom: from,
      },
    ]);
  });

  it('refuses to repair a court listing or restriction, naming the court as the only route', async () => {
    const personId = personOf('serious_dishonest');
    const { creditRecords } = await recordsOf(personId);
    const courtRecords = creditRecords.filter((r) => r.sourceDept === 'COURT');
    expect(courtRecords.map((r) => r.catalogCode).sort()).toEqual([
      'COURT_CONSUMPTION_RESTRICTED',
      'COURT_DISHONEST_DEBTOR',
    ]);
    for (const record of courtRecords) {
      const result = await asCitizen(personId, APPLY, { recordId: record.id });
      expect(result.data).toBeNull();
      expect(
        result.errors?.map((error) => {
          const { code, argument, repairRoute, routeDept } = error.extensions ?? {};
          return { code, argument, repairRoute, routeDept };
        }),
      ).toEqual([
        {
          code: 'BAD_USER_INPUT',
          argument: 'recordId',
          repairRoute: 'SOURCE_DECISION',
          routeDept: 'COURT',
        },
      ]);
      expect(result.errors?.[0].message).toContain('apply to COURT');
    }
  });

  it('hides a record once the source department approves its repair', async () => {
    // Arrears paid 4 months ago, decided 5 months ago: past the 3-month minimum, nothing owed.
    const personId = personOf('clean');
    await createCreditFeedStore('tax').append(system.subgraphs.tax.db, [
      {
        sourceRecordId: 'TAX-ARR-REPAIR-TEST',
        personId,
        catalogCode: 'TAX_ARREARS',
        decidedAt: addDays(today, -150),
        decisionNo: '通税通〔2026〕9901号',
        status: 'PERFORMED',
        statusChangedAt: addDays(today, -120),
      },
    ]);
    await system.credit.collectOnce();
    const before = await recordsOf(personId);
    const arrears = before.creditRecords.find((r) => r.catalogCode === 'TAX_ARREARS') as RecordView;
    expect(arrears.id).toBe('TAX:TAX-ARR-REPAIR-TEST');
    const applied = await asCitizen<{ applyForRepair: { id: string } }>(personId, APPLY, {
      recordId: arrears.id,
    });
    expect(applied.errors).toBeUndefined();
    const repairId = applied.data?.applyForRepair.id ?? '';
    expect(applied.data?.applyForRepair).toEqual({
      id: repairId,
      recordId: arrears.id,
      personId,
      sourceDept: 'TAX',
      appliedOn: today,
      status: 'PENDING',
      decisionNote: null,
      decidedOn: null,
    });
    const pending = await recordsOf(personId);
    expect(pending.creditRecords.find((r) => r.id === arrears.id)?.repair).toEqual({
      id: repairId,
      status: 'PENDING',
    });

    const wrongDept = await asOfficer('AMR', DECIDE_REPAIR, { id: repairId });
    expect(errorLines(wrongDept)).toEqual(['FORBIDDEN decisions-by-source-dept-only']);

    const decided = await asOfficer('TAX', DECIDE_REPAIR, { id: repairId });
    expect(decided.errors).toBeUndefined();
    expect(decided.data).toEqual({
      decideRepair: {
        id: repairId,
        recordId: arrears.id,
        status: 'APPROVED',
        decisionNote: '已履行并作出信用承诺，同意修复',
        decidedOn: today,
      },
    });
    const after = await recordsOf(personId);
    expect(after.creditRecords.map((r) => r.id)).toEqual(
      before.creditRecords.map((r) => r.id).filter((id) => id !== arrears.id),
    );
    expect(after.creditProfile.score).toBe(before.creditProfile.score + 30);
  });

  it('lists open objections past their due date for NDRC, and only for NDRC', async () => {
    const underObjection = system.fixtures.scenarios.under_objection;
    const filedOn = addDays(system.fixtures.asOf, -5);
    const dueOn = addWorkingDays(calendar, filedOn, 15).date;
    const now = await asOfficer<{ overdueObjections: unknown[] }>('NDRC', OVERDUE, {});
    expect(now.errors).toBeUndefined();
    expect(now.data).toEqual({ overdueObjections: [] });

    const later = addDays(dueOn, 1);
    const result = await asOfficer<{ overdueObjections: { personId: string }[] }>('NDRC', OVERDUE, {
      asOf: later,
    });
    expect(result.errors).toBeUndefined();
    const seeded = result.data?.overdueObjections
      .filter((o) => underObjection.includes(o.personId))
      .sort((a, b) => a.personId.localeCompare(b.personId));
    expect(seeded).toEqual(
      [...underObjection].sort().map((personId) => ({
        id: expect.any(String),
        recordId: expect.stringMatching(/^AMR:/),
        personId,
        sourceDept: 'AMR',
        dueOn,
        status: 'OPEN',
        overdue: true,
      })),
    );

    const citizen = await asCitizen(underObjection[0], OVERDUE, { asOf: later });
    expect(citizen.data).toBeNull();
    expect(errorLines(citizen)).toEqual(['FORBIDDEN default-deny']);
  });
});
