import { CONSENT_LOOKUP_CALLER } from '../consent-lookup';
import type { Caller } from '../../../lib/auth/caller';
import { evaluateField } from '../../../lib/policy/evaluate-field';
import { loadPolicy } from '../../../lib/policy/load-policy';

const policy = loadPolicy();
const A = '511921198503121233';
const B = '51192119900101001X';
const BANK = '91511921MA6BANK01X';
const NOW = new Date('2025-06-30T00:00:00Z');

/** `Type.field: effect (rule)` for each field, about person `personId` (unknown when undefined). */
function decisions(caller: Caller, fields: string[], personId?: string): string[] {
  return fields.map((field) => {
    const [typeName, fieldName] = field.split('.');
    const decision = evaluateField(
      policy,
      caller,
      typeName,
      fieldName,
      personId === undefined ? undefined : { personId },
      { now: NOW },
    );
    const effect = decision.effect === 'mask' ? `mask:${decision.masker}` : decision.effect;
    return `${field}: ${effect} (${decision.ruleId})`;
  });
}

const citizenA: Caller = {
  sub: 'citizen-a',
  clientType: 'citizen',
  personId: A,
  roles: [],
  purpose: 'SELF_QUERY',
};

function bank(consents: Caller['consents']): Caller {
  return {
    sub: 'bank',
    clientType: 'org',
    org: BANK,
    roles: [],
    purpose: 'AUTHORIZED_QUERY',
    caseRef: 'LOAN-1',
    consents,
  };
}

const CONSENT_FIELDS = [
  'Mutation.grantConsent',
  'Mutation.revokeConsent',
  'Consent.scopes',
  'Consent.active',
  'Query.activeConsentsForOrg',
  'ConsentGrantEntry.scopes',
];

describe('consent rules of policy/policy.yaml', () => {
  it('lets a citizen grant and revoke consents (no subject: the resolver acts on their own person)', () => {
    expect(decisions(citizenA, CONSENT_FIELDS)).toEqual([
      'Mutation.grantConsent: allow (citizen-manage-consents)',
      'Mutation.revokeConsent: allow (citizen-manage-consents)',
      'Consent.scopes: allow (citizen-manage-consents)',
      'Consent.active: allow (citizen-manage-consents)',
      'Query.activeConsentsForOrg: deny (default-deny)',
      'ConsentGrantEntry.scopes: deny (default-deny)',
    ]);
  });

  it("shows a citizen their own consents and nobody else's", () => {
    expect([
      ...decisions(citizenA, ['Person.consents'], A),
      ...decisions(citizenA, ['Person.consents'], B),
    ]).toEqual([
      'Person.consents: allow (citizen-own-consents)',
      'Person.consents: deny (citizen-own-consents)',
    ]);
  });

  it('gives organisations and officers no consent field, with or without a consent', () => {
    const holder = bank([
      { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2025-12-31T00:00:00Z' },
    ]);
    const ndrc: Caller = {
      sub: 'ndrc-1',
      clientType: 'officer',
      dept: 'NDRC',
      roles: ['officer'],
      purpose: 'CREDIT_REPAIR',
      caseRef: 'CASE-1',
    };
    expect([
      ...decisions(holder, [...CONSENT_FIELDS, 'Person.consents'], A),
      ...decisions(ndrc, ['Mutation.grantConsent', 'Person.consents'], A),
    ]).toEqual([
      'Mutation.grantConsent: deny (default-deny)',
      'Mutation.revokeConsent: deny (default-deny)',
      'Consent.scopes: deny (default-deny)',
      'Consent.active: deny (default-deny)',
      'Query.activeConsentsForOrg: deny (default-deny)',
      'ConsentGrantEntry.scopes: deny (default-deny)',
      'Person.consents: deny (default-deny)',
      'Mutation.grantConsent: deny (default-deny)',
      'Person.consents: deny (default-deny)',
    ]);
  });

  it("opens the consent lookup to the gateway's service identity only, and nothing else to it", () => {
    const impostor: Caller = { ...CONSENT_LOOKUP_CALLER, dept: 'TAX' };
    expect([
      ...decisions(
        CONSENT_LOOKUP_CALLER,
        [
          'Query.activeConsentsForOrg',
          'ConsentGrantEntry.personId',
          'ConsentGrantEntry.expiresAt',
          'Query.person',
          'Person.consents',
          'CreditProfile.score',
        ],
        A,
      ),
      ...decisions(impostor, ['Query.activeConsentsForOrg']),
    ]).toEqual([
      'Query.activeConsentsForOrg: allow (gateway-consent-lookup)',
      'ConsentGrantEntry.personId: allow (gateway-consent-lookup)',
      'ConsentGrantEntry.expiresAt: allow (gateway-consent-lookup)',
      'Query.person: deny (default-deny)',
      'Person.consents: deny (default-deny)',
      'CreditProfile.score: deny (default-deny)',
      'Query.activeConsentsForOrg: deny (default-deny)',
    ]);
  });

  it('lets an organisation see what an unexpired consent covers, capped by the policy', () => {
    const fields = ['Query.person', 'CreditProfile.score', 'CreditProfile.breakdown'];
    const summary = bank([
      { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2025-07-01T00:00:00Z' },
    ]);
    const wide = bank([
      {
        personId: A,
        scopes: ['CreditProfile.*', 'Query.person'],
        expiresAt: '2025-07-01T00:00:00Z',
      },
    ]);
    const expired = bank([
      { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2025-06-29T23:59:59Z' },
    ]);
    expect([
      ...decisions(summary, fields, A),
      ...decisions(wide, fields, A),
      ...decisions(expired, ['Query.person'], A),
    ]).toEqual([
      'Query.person: allow (org-authorized-summary)',
      'CreditProfile.score: allow (org-authorized-summary)',
      'CreditProfile.breakdown: deny (default-deny)',
      'Query.person: allow (org-authorized-summary)',
      'CreditProfile.score: allow (org-authorized-summary)',
      // A consent naming CreditProfile.* still opens no more than the org rule lists.
      'CreditProfile.breakdown: deny (default-deny)',
      'Query.person: deny (org-authorized-summary)',
    ]);
    const reason = evaluateField(policy, expired, 'Query', 'person', { personId: A }, { now: NOW });
    expect(reason).toEqual({
      effect: 'deny',
      ruleId: 'org-authorized-summary',
      reason: "the subject's consent expired at 2025-06-29T23:59:59Z",
    });
  });
});
