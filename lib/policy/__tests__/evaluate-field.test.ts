import type { Caller, ConsentGrant } from '../../auth/caller';
import { evaluateField } from '../evaluate-field';
import type { FieldSubject } from '../evaluate-field';
import { parsePolicy } from '../parse-policy';

const POLICY = parsePolicy(
  `
format: 1
identityFields: [Person.id, Enterprise.uscc]
scopes:
  SUMMARY: [Query.person, Person.creditProfile, CreditProfile.*]
rules:
  - id: names-masked
    description: Listed before the allow rule, to show that allow beats mask whatever the order.
    fields: [Person.name]
    when: { dept: [TAX, PSB], purpose: [ADMIN_LICENSING] }
    effect: mask:name
  - id: psb-register
    description: PSB keeps the register.
    fields: [Person.name, Person.birthDate]
    when: { dept: [PSB], clientType: [officer], purpose: [ADMIN_LICENSING] }
    effect: allow
  - id: address-region
    description: Role-based, masked.
    fields: [Person.householdAddress]
    when: { roles: [address-checker] }
    effect: mask:address
  - id: address-year
    description: A later mask on the same field loses to the earlier one.
    fields: [Person.householdAddress]
    when: { roles: [address-checker] }
    effect: mask:date
  - id: tax-own
    description: Wildcard.
    fields: [TaxInfo.*]
    when: { dept: [TAX] }
    effect: allow
  - id: ndrc-recording-systems
    description: The department's systems, not its service identities.
    fields: [Mutation.creditImport]
    when: { dept: [NDRC], clientType: [system], withoutRoles: [credit-collector], purpose: [DATA_ENTRY] }
    effect: allow
  - id: citizen-self
    description: Own record.
    fields: [Query.person, Person.*, TaxInfo.*]
    when: { clientType: [citizen], purpose: [SELF_QUERY], subject: self }
    effect: allow
  - id: self-any-client
    description: subject self alone still requires a citizen.
    fields: [Person.gender]
    when: { subject: self }
    effect: allow
  - id: org-consented
    description: Authorized query.
    fields: [Query.person, Person.creditProfile, CreditProfile.score, CreditProfile.level]
    when: { clientType: [org], purpose: [AUTHORIZED_QUERY], subject: consented }
    effect: allow
  - id: org-consented-any-purpose
    description: subject consented alone still requires AUTHORIZED_QUERY.
    fields: [Person.creditRecords]
    when: { clientType: [org], subject: consented }
    effect: allow
  - id: amr-enterprise
    description: Enterprise registry.
    fields: [Enterprise.name]
    when: { dept: [AMR] }
    effect: allow
`,
  'test.yaml',
);

const A = '511921198503121234';
const B = '51192119900101002X';
const NOW = new Date('2025-06-30T08:00:00Z');

function officer(dept: Caller['dept'], overrides: Partial<Caller> = {}): Caller {
  return {
    sub: 'u1',
    dept,
    roles: ['officer'],
    clientType: 'officer',
    purpose: 'ADMIN_LICENSING',
    ...overrides,
  };
}

const citizenA: Caller = {
  sub: 'c1',
  roles: [],
  clientType: 'citizen',
  personId: A,
  purpose: 'SELF_QUERY',
};

function org(consents: ConsentGrant[], purpose: Caller['purpose'] = 'AUTHORIZED_QUERY'): Caller {
  return {
    sub: 'bank',
    roles: [],
    clientType: 'org',
    org: '91511921MA62XXXXXX',
    purpose,
    consents,
  };
}

function consent(scopes: string[], expiresAt = '2025-12-31T00:00:00Z', personId = A): ConsentGrant {
  return { personId, scopes, expiresAt };
}

function decide(caller: Caller, field: string, subject?: FieldSubject) {
  const [typeName, fieldName] = field.split('.');
  return evaluateField(POLICY, caller, typeName, fieldName, subject, { now: NOW });
}

describe('evaluateField', () => {
  describe('deny by default', () => {
    it('denies a field no rule names, saying who asked', () => {
      expect(decide(officer('TAX'), 'Person.registrationIssues', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.registrationIssues to officer of TAX for ADMIN_LICENSING',
      });
    });

    it('denies a field whose rules all fail a caller condition', () => {
      expect(decide(officer('TAX'), 'Person.birthDate')).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.birthDate to officer of TAX for ADMIN_LICENSING',
      });
    });
  });

  describe('caller conditions', () => {
    it('dept: allows the named department', () => {
      expect(decide(officer('PSB'), 'Person.birthDate')).toEqual({
        effect: 'allow',
        ruleId: 'psb-register',
      });
    });

    it('clientType: a PSB system is not an officer, so only the mask rule matches', () => {
      expect(decide(officer('PSB', { clientType: 'system' }), 'Person.name')).toEqual({
        effect: 'mask',
        masker: 'name',
        ruleId: 'names-masked',
      });
    });

    it('purpose: another purpose, or none, matches nothing', () => {
      expect(decide(officer('PSB', { purpose: 'JUDICIAL' }), 'Person.birthDate')).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.birthDate to officer of PSB for JUDICIAL',
      });
      expect(decide(officer('PSB', { purpose: undefined }), 'Person.birthDate')).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.birthDate to officer of PSB without a purpose',
      });
    });

    it('roles: any of the listed roles', () => {
      const checker = officer('CIVIL', { roles: ['officer', 'address-checker'] });
      expect(decide(checker, 'Person.householdAddress')).toEqual({
        effect: 'mask',
        masker: 'address',
        ruleId: 'address-region',
      });
      expect(decide(officer('CIVIL'), 'Person.householdAddress')).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.householdAddress to officer of CIVIL for ADMIN_LICENSING',
      });
    });

    it('withoutRoles: none of the listed roles', () => {
      const system = officer('NDRC', { clientType: 'system', roles: [], purpose: 'DATA_ENTRY' });
      expect(decide(system, 'Mutation.creditImport')).toEqual({
        effect: 'allow',
        ruleId: 'ndrc-recording-systems',
      });
      expect(
        decide({ ...system, roles: ['approval', 'credit-collector'] }, 'Mutation.creditImport'),
      ).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Mutation.creditImport to system of NDRC for DATA_ENTRY',
      });
    });

    it('a caller without a dept never matches a dept condition', () => {
      expect(decide(officer(undefined), 'TaxInfo.arrears')).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants TaxInfo.arrears to officer for ADMIN_LICENSING',
      });
    });

    it('Type.* covers every field of the type', () => {
      expect(decide(officer('TAX'), 'TaxInfo.arrears')).toEqual({
        effect: 'allow',
        ruleId: 'tax-own',
      });
      expect(decide(officer('TAX'), 'TaxInfo.anythingAddedLater')).toEqual({
        effect: 'allow',
        ruleId: 'tax-own',
      });
    });
  });

  describe('several matching rules', () => {
    it('allow beats mask, even when the mask rule comes first', () => {
      expect(decide(officer('PSB'), 'Person.name')).toEqual({
        effect: 'allow',
        ruleId: 'psb-register',
      });
    });

    it('mask when only mask rules match', () => {
      expect(decide(officer('TAX'), 'Person.name')).toEqual({
        effect: 'mask',
        masker: 'name',
        ruleId: 'names-masked',
      });
    });

    it('the earliest mask rule wins over later ones', () => {
      const checker = officer('CIVIL', { roles: ['address-checker'] });
      expect(decide(checker, 'Person.householdAddress')).toEqual({
        effect: 'mask',
        masker: 'address',
        ruleId: 'address-region',
      });
    });
  });

  describe('subject: self', () => {
    it('allows the citizen their own record', () => {
      expect(decide(citizenA, 'Person.householdAddress', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'citizen-self',
      });
      expect(decide(citizenA, 'TaxInfo.arrears', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'citizen-self',
      });
    });

    it("denies another person's record, naming the rule", () => {
      expect(decide(citizenA, 'Person.householdAddress', { personId: B })).toEqual({
        effect: 'deny',
        ruleId: 'citizen-self',
        reason:
          'rule citizen-self grants Person.householdAddress only to the citizen the data is about',
      });
    });

    it('denies when the subject is unknown', () => {
      expect(decide(citizenA, 'Person.name')).toEqual({
        effect: 'deny',
        ruleId: 'citizen-self',
        reason: 'rule citizen-self grants Person.name only to the citizen the data is about',
      });
    });

    it('holds only for citizens, whatever personId another client carries', () => {
      const forged = officer('PSB', { personId: A });
      expect(decide(forged, 'Person.gender', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'self-any-client',
        reason: 'rule self-any-client grants Person.gender only to the citizen the data is about',
      });
      // Both self rules match a citizen; the decision names the earliest in the file.
      expect(decide(citizenA, 'Person.gender', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'citizen-self',
      });
    });
  });

  describe('subject: consented', () => {
    it('allows a field an active consent names', () => {
      const bank = org([consent(['Person.creditProfile'])]);
      expect(decide(bank, 'Person.creditProfile', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'org-consented',
      });
    });

    it('allows a field of a type the consent grants with Type.*', () => {
      const bank = org([consent(['CreditProfile.*'])]);
      expect(decide(bank, 'CreditProfile.score', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'org-consented',
      });
    });

    it('allows the fields of a named scope', () => {
      const bank = org([consent(['SUMMARY'])]);
      expect(
        ['Query.person', 'Person.creditProfile', 'CreditProfile.level'].map((field) =>
          decide(bank, field, { personId: A }),
        ),
      ).toEqual([
        { effect: 'allow', ruleId: 'org-consented' },
        { effect: 'allow', ruleId: 'org-consented' },
        { effect: 'allow', ruleId: 'org-consented' },
      ]);
    });

    it('never grants more than the rule, whatever the consent says', () => {
      const bank = org([consent(['SUMMARY'])]);
      expect(decide(bank, 'Person.name', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason: 'no rule grants Person.name to org 91511921MA62XXXXXX for AUTHORIZED_QUERY',
      });
    });

    it('denies after the consent expired (expiry instant included)', () => {
      const bank = org([consent(['SUMMARY'], '2025-06-30T08:00:00Z')]);
      expect(decide(bank, 'CreditProfile.score', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'org-consented',
        reason: "the subject's consent expired at 2025-06-30T08:00:00Z",
      });
    });

    it('uses the evaluation time: the same consent is active a second earlier', () => {
      const bank = org([consent(['SUMMARY'], '2025-06-30T08:00:00Z')]);
      const earlier = new Date('2025-06-30T07:59:59Z');
      expect(
        evaluateField(POLICY, bank, 'CreditProfile', 'score', { personId: A }, { now: earlier }),
      ).toEqual({
        effect: 'allow',
        ruleId: 'org-consented',
      });
    });

    it('denies a field outside the consent scopes', () => {
      const bank = org([consent(['Person.creditProfile'])]);
      expect(decide(bank, 'CreditProfile.score', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'org-consented',
        reason: "the subject's consent does not cover CreditProfile.score",
      });
    });

    it('denies another subject than the one who consented', () => {
      const bank = org([consent(['SUMMARY'], '2025-12-31T00:00:00Z', A)]);
      expect(decide(bank, 'CreditProfile.score', { personId: B })).toEqual({
        effect: 'deny',
        ruleId: 'org-consented',
        reason:
          'the subject has not consented to org 91511921MA62XXXXXX for AUTHORIZED_QUERY seeing CreditProfile.score',
      });
    });

    it('denies when the subject is unknown', () => {
      const bank = org([consent(['SUMMARY'])]);
      expect(decide(bank, 'CreditProfile.score')).toEqual({
        effect: 'deny',
        ruleId: 'org-consented',
        reason: 'the subject of CreditProfile.score is unknown, so no consent can cover it',
      });
    });

    it('requires purpose AUTHORIZED_QUERY even when the rule names no purpose', () => {
      const bank = org([consent(['Person.creditRecords'])], 'PUBLIC_SERVICE');
      expect(decide(bank, 'Person.creditRecords', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'org-consented-any-purpose',
        reason:
          "rule org-consented-any-purpose grants Person.creditRecords only for purpose AUTHORIZED_QUERY with the subject's consent",
      });
    });

    it('an active consent next to an expired one still counts', () => {
      const bank = org([
        consent(['SUMMARY'], '2025-01-01T00:00:00Z'),
        consent(['CreditProfile.score'], '2026-01-01T00:00:00Z'),
      ]);
      expect(decide(bank, 'CreditProfile.score', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'org-consented',
      });
    });
  });

  describe('identity fields', () => {
    it('Person.id is shown when another Person field is granted (masked counts)', () => {
      expect(decide(officer('TAX'), 'Person.id', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'names-masked',
      });
    });

    it('Person.id is denied when no Person field is granted', () => {
      expect(decide(officer('AMR'), 'Person.id', { personId: A })).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason:
          'Person.id identifies the subject and is shown only with another Person field the caller ' +
          'may see; none is granted to officer of AMR for ADMIN_LICENSING',
      });
    });

    it('follows the subject conditions: consent of this subject, not another', () => {
      const bank = org([consent(['Person.creditProfile'])]);
      expect(decide(bank, 'Person.id', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'org-consented',
      });
      expect(decide(bank, 'Person.id', { personId: B })).toEqual({
        effect: 'deny',
        ruleId: 'default-deny',
        reason:
          'Person.id identifies the subject and is shown only with another Person field the caller ' +
          'may see; none is granted to org 91511921MA62XXXXXX for AUTHORIZED_QUERY',
      });
    });

    it('a consent naming only the identity field does not open it', () => {
      const bank = org([consent(['Person.id'])]);
      expect(decide(bank, 'Person.id', { personId: A }).effect).toBe('deny');
    });

    it('an explicit rule (Person.* for the citizen) decides as usual', () => {
      expect(decide(citizenA, 'Person.id', { personId: A })).toEqual({
        effect: 'allow',
        ruleId: 'citizen-self',
      });
    });

    it('Enterprise.uscc follows the Enterprise fields', () => {
      expect(decide(officer('AMR'), 'Enterprise.uscc')).toEqual({
        effect: 'allow',
        ruleId: 'amr-enterprise',
      });
      expect(decide(officer('TAX'), 'Enterprise.uscc').effect).toBe('deny');
    });
  });
});
