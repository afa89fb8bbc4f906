/**
 * The licensing departments (HEALTH, JUSTICE, HRSS) record their decisions like the others, and
 * approval systems call the write API and the joint measures through reviewed trusted documents:
 * cases run through the REAL gateway on a system another test file started.
 */
import type { CallerIdentity, Department, Purpose } from '../../lib/auth/caller';
import { chinaToday } from '../../lib/civil-time/china-today';
import { addDays } from '../../subgraphs/kit/seed/random';
import type { DecisionWriteSystem } from './decision-write-cases';
import { postGraphQL } from './graphql-client';
import type { GraphQLResponse } from './graphql-client';

interface Write {
  kind: string;
  decisionNo: string;
  outcome: string;
  version: number;
}
interface PersonView {
  person: {
    creditRecords: {
      catalogCode: string;
      decisionNo: string | null;
      keyGroup: string | null;
      status: string;
    }[];
    creditProfile: { breakdown: { catalogCode: string; points: number }[] };
    occupations: { occupation: string; dept: string; status: string }[] | null;
  };
}

const PERSON_VIEW = `query PersonView($id: ID!) {
  person(id: $id) {
    creditRecords { catalogCode decisionNo keyGroup status }
    creditProfile { breakdown { catalogCode points } }
    occupations { occupation dept status }
  }
}`;
const COLLECT = `mutation { collectCreditFeedsNow { feed error } }`;
const DISCLOSURES = `query Disclosures($from: String) {
  publicDisclosures(filter: { from: $from }, first: 100) { nodes { decisionNo dept title } }
}`;
const RECORD = (
  subgraph: string,
) => `mutation Record($kind: String!, $values: [ImportValueInput!]!) {
  ${subgraph}RecordDecision(kind: $kind, values: $values) { kind decisionNo outcome version }
}`;

const values = (record: Record<string, string | null>) =>
  Object.entries(record).map(([field, value]) => ({ field, value }));

/** Registers the cases; `system()` is read inside each case (after the caller's beforeAll). */
export function describeLicensingDecisions(system: () => DecisionWriteSystem): void {
  const today = chinaToday();
  const who = (
    dept: Department,
    roles: string[],
    clientType: 'officer' | 'system' = 'officer',
  ): CallerIdentity => ({
    sub: `${dept.toLowerCase()}-${roles.join('-')}`,
    dept,
    roles,
    clientType,
  });
  const ask = async <Data = Record<string, unknown>>(
    identity: CallerIdentity,
    query: string,
    variables: Record<string, unknown>,
    purpose: Purpose = 'DATA_ENTRY',
  ): Promise<GraphQLResponse<Data>> =>
    postGraphQL<Data>(
      system().gatewayUrl,
      query,
      variables,
      await system().security.userHeaders(identity, purpose, 'CASE-LIC-0001'),
    );
  /** Runs a trusted document of operations/ by its id, as an approval system must. */
  const runTrusted = async <Data = Record<string, unknown>>(
    identity: CallerIdentity,
    documentId: string,
    variables: Record<string, unknown>,
    purpose: Purpose = 'DATA_ENTRY',
  ): Promise<GraphQLResponse<Data>> => {
    const response = await fetch(system().gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await system().security.userHeaders(identity, purpose, 'APPROVAL-0001')),
      },
      body: JSON.stringify({
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: documentId } },
      }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  const ndrc = who('NDRC', ['officer']);
  const collect = async () => {
    const result = await ask<{ collectCreditFeedsNow: { feed: string; error: string | null }[] }>(
      ndrc,
      COLLECT,
      {},
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.collectCreditFeedsNow.filter((report) => report.error !== null)).toEqual(
      [],
    );
  };
  const view = async (personId: string) => {
    const result = await ask<PersonView>(ndrc, PERSON_VIEW, { id: personId }, 'ADMIN_ENFORCEMENT');
    expect(result.errors).toBeUndefined();
    return result.data?.person;
  };
  const published = async () =>
    (
      await ask<{ publicDisclosures: { nodes: { decisionNo: string; dept: string }[] } }>(
        who('AMR', ['officer']),
        DISCLOSURES,
        { from: addDays(today, -30) },
        'ADMIN_ENFORCEMENT',
      )
    ).data?.publicDisclosures.nodes.map((node) => `${node.dept} ${node.decisionNo}`);

  describe('licensing departments record their decisions (HEALTH, JUSTICE, HRSS)', () => {
    it('a HEALTH system registers a doctor and records a suspension through trusted documents: the profile, the occupations and 双公示 follow each collection; revoked, all three take it back', async () => {
      const healthSystem = who('HEALTH', ['approval-system'], 'system');
      const personId = system().scenarios.repaired_penalty[0];
      const licenceNo = '通卫执注〔2026〕9301号';
      const violationNo = '通卫罚〔2026〕9302号';
      const registered = await runTrusted<{ healthRecordDecision: Write }>(
        healthSystem,
        'health-record-decision',
        {
          kind: 'practising-certificates',
          values: values({
            personId,
            partyName: '测试医师',
            decisionNo: licenceNo,
            licenceKind: 'DOCTOR',
            licenceNo: '110511921000093',
            issuedAt: addDays(today, -20),
            organisation: '通江县人民医院',
          }),
        },
      );
      expect(registered.errors).toBeUndefined();
      expect(registered.data?.healthRecordDecision).toMatchObject({ outcome: 'INSERTED' });
      const violation = await runTrusted<{ healthRecordDecision: Write }>(
        healthSystem,
        'health-record-decision',
        {
          kind: 'violations',
          values: values({
            personId,
            partyName: '测试医师',
            decisionNo: violationNo,
            penaltyKind: 'SUSPENSION',
            decidedAt: addDays(today, -5),
            reason: '超出注册的执业范围从事诊疗活动',
          }),
        },
      );
      expect(violation.data?.healthRecordDecision).toMatchObject({ outcome: 'INSERTED' });
      await collect();
      const after = await view(personId);
      expect(after?.creditRecords).toContainEqual({
        catalogCode: 'HEALTH_PRACTICE_VIOLATION',
        decisionNo: violationNo,
        keyGroup: 'DOCTOR',
        status: 'ACTIVE',
      });
      expect(after?.creditProfile.breakdown).toContainEqual({
        catalogCode: 'HEALTH_PRACTICE_VIOLATION',
        points: -30,
      });
      expect(after?.occupations).toEqual([
        { occupation: 'DOCTOR', dept: 'HEALTH', status: 'SUSPENDED' },
      ]);
      expect(await published()).toEqual(
        expect.arrayContaining([`HEALTH ${licenceNo}`, `HEALTH ${violationNo}`]),
      );

      const revoked = await runTrusted<{ healthRevokeDecision: Write }>(
        healthSystem,
        'health-revoke-decision',
        { kind: 'violations', decisionNo: violationNo, revokedAt: today },
      );
      expect(revoked.data?.healthRevokeDecision).toMatchObject({ outcome: 'REVOKED', version: 2 });
      await collect();
      const later = await view(personId);
      expect(later?.creditRecords.map((record) => record.decisionNo)).not.toContain(violationNo);
      expect(later?.occupations).toEqual([
        { occupation: 'DOCTOR', dept: 'HEALTH', status: 'ACTIVE' },
      ]);
      const still = await published();
      expect(still).toContain(`HEALTH ${licenceNo}`);
      expect(still).not.toContain(`HEALTH ${violationNo}`);
    });

    it('a JUSTICE recorder suspends a lawyer it licensed; an HRSS recorder lists a wage-arrears defaulter and removes them, the record standing as performed', async () => {
      const personId = system().scenarios.repaired_penalty[0];
      const lawyerId = system().scenarios.old_unpaid_arrears[0];
      const licence = await ask<{ justiceRecordDecision: Write }>(
        who('JUSTICE', ['officer', 'recorder']),
        RECORD('justice'),
        {
          kind: 'practising-licences',
          values: values({
            personId: lawyerId,
            partyName: '测试律师',
            decisionNo: '通司许〔2026〕9401号',
            licenceKind: 'LAWYER',
            licenceNo: '15119202610094',
            issuedAt: addDays(today, -60),
          }),
        },
      );
      expect(licence.data?.justiceRecordDecision).toMatchObject({ outcome: 'INSERTED' });
      const sanction = await ask<{ justiceRecordDecision: Write }>(
        who('JUSTICE', ['officer', 'recorder']),
        RECORD('justice'),
        {
          kind: 'sanctions',
          values: values({
            personId: lawyerId,
            partyName: '测试律师',
            decisionNo: '通司罚〔2026〕9402号',
            penaltyKind: 'SUSPENSION',
            licenceNo: '15119202610094',
            decidedAt: addDays(today, -2),
            reason: '在同一案件中为双方当事人担任代理人',
          }),
        },
      );
      expect(sanction.data?.justiceRecordDecision).toMatchObject({ outcome: 'INSERTED' });

      const hrss = who('HRSS', ['officer', 'recorder']);
      const listed = await ask<{ hrssRecordDecision: Write }>(hrss, RECORD('hrss'), {
        kind: 'wage-arrears-listings',
        values: values({
          personId,
          decisionNo: '通人社失信〔2026〕9501号',
          amount: '86000.00',
          listedAt: addDays(today, -10),
          reason: '拖欠农民工工资数额较大，经责令仍不支付',
        }),
      });
      expect(listed.data?.hrssRecordDecision).toMatchObject({ outcome: 'INSERTED' });
      await collect();
      const lawyer = await view(lawyerId);
      expect(lawyer?.creditRecords).toContainEqual({
        catalogCode: 'JUSTICE_PRACTICE_SUSPENDED',
        decisionNo: '通司罚〔2026〕9402号',
        keyGroup: 'LAWYER',
        status: 'ACTIVE',
      });
      expect(lawyer?.occupations).toContainEqual({
        occupation: 'LAWYER',
        dept: 'JUSTICE',
        status: 'SUSPENDED',
      });
      expect((await view(personId))?.creditProfile.breakdown).toContainEqual({
        catalogCode: 'HRSS_WAGE_ARREARS_LISTING',
        points: -150,
      });

      const removed = await ask<{ hrssRecordDecision: Write }>(hrss, RECORD('hrss'), {
        kind: 'wage-arrears-removals',
        values: values({
          personId,
          decisionNo: '通人社移〔2026〕9502号',
          listingDecisionNo: '通人社失信〔2026〕9501号',
          removedAt: today,
        }),
      });
      expect(removed.data?.hrssRecordDecision).toMatchObject({ outcome: 'ENDED' });
      const again = await ask(hrss, RECORD('hrss'), {
        kind: 'wage-arrears-removals',
        values: values({
          personId,
          decisionNo: '通人社移〔2026〕9503号',
          listingDecisionNo: '通人社失信〔2026〕9501号',
          removedAt: today,
        }),
      });
      expect(again.errors?.[0].extensions?.problems).toEqual([
        { field: 'listingDecisionNo', reason: expect.stringContaining('already performed') },
      ]);
      await collect();
      // Off the list: the record stays for its catalog period, as performed (the listing
      // authority's own decision is its only early end, catalog route SOURCE_DECISION).
      expect((await view(personId))?.creditRecords).toContainEqual({
        catalogCode: 'HRSS_WAGE_ARREARS_LISTING',
        decisionNo: '通人社失信〔2026〕9501号',
        keyGroup: null,
        status: 'PERFORMED',
      });
    });

    it('an approval system checks the joint measures and reports what it applied through trusted documents', async () => {
      const approval = who('AMR', ['approval-system'], 'system');
      const check = await runTrusted<{ jointMeasures: { checkId: string; measures: unknown[] } }>(
        approval,
        'joint-measures',
        { personId: system().scenarios.serious_dishonest[0], matter: 'LICENSING' },
        'ADMIN_LICENSING',
      );
      expect(check.errors).toBeUndefined();
      const checkId = check.data?.jointMeasures.checkId;
      expect(typeof checkId).toBe('string');
      const feedback = await runTrusted<{
        reportMeasureFeedback: { id: string; dept: string; feedback: { applied: string[] } };
      }>(
        approval,
        'report-measure-feedback',
        { checkId, applied: [], note: '已按联合惩戒措施办理' },
        'ADMIN_LICENSING',
      );
      expect(feedback.errors).toBeUndefined();
      expect(feedback.data?.reportMeasureFeedback).toMatchObject({
        id: checkId,
        dept: 'AMR',
        feedback: { applied: [] },
      });
    });
  });
}
