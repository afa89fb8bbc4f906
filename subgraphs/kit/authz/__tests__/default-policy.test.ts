import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, parse } from 'graphql';
import type { Caller } from '../../../../lib/auth/caller';
import { evaluateField } from '../../../../lib/policy/evaluate-field';
import { DEFAULT_POLICY_PATH, loadPolicy } from '../../../../lib/policy/load-policy';
import type { FieldDecision } from '../../../../lib/policy/types';
import { validatePolicyAgainstSchema } from '../../../../lib/policy/validate-policy-against-schema';
import { loadSubgraphSdl } from '../../load-sdl';

const SUBGRAPHS_DIR = join(__dirname, '..', '..', '..');
const policy = loadPolicy();

/** The supergraph (with @inaccessible elements) composed from every subgraph SDL in the repo. */
function composedSupergraph() {
  const services = readdirSync(SUBGRAPHS_DIR)
    .filter((name) => existsSync(join(SUBGRAPHS_DIR, name, `${name}.graphql`)))
    .map((name) => ({
      name,
      url: `http://${name}.invalid`,
      typeDefs: parse(loadSubgraphSdl({ sdlFile: join(SUBGRAPHS_DIR, name, `${name}.graphql`) })),
    }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map(String).join('\n'));
  return buildSchema(result.supergraphSdl);
}

const A = '511921198503121233';
const B = '51192119900101001X';
const NOW = new Date('2025-06-30T00:00:00Z');

const staff = (
  dept: Caller['dept'],
  purpose: Caller['purpose'],
  clientType: Caller['clientType'] = 'officer',
): Caller => ({
  sub: 'u1',
  dept,
  roles: ['officer'],
  clientType,
  purpose,
});

/** `allow (rule)`, `mask:name (rule)` or `deny (rule)`: the decision in one line. */
function decisions(caller: Caller, fields: string[], personId = A): string[] {
  return fields.map((field) => {
    const [typeName, fieldName] = field.split('.');
    const decision: FieldDecision = evaluateField(
      policy,
      caller,
      typeName,
      fieldName,
      { personId },
      { now: NOW },
    );
    const effect = decision.effect === 'mask' ? `mask:${decision.masker}` : decision.effect;
    return `${field}: ${effect} (${decision.ruleId})`;
  });
}

describe('policy/policy.yaml', () => {
  it('loads, versioned by the first 12 hex digits of its sha256', () => {
    const sha = createHash('sha256').update(readFileSync(DEFAULT_POLICY_PATH)).digest('hex');
    expect(policy.version).toBe(sha.slice(0, 12));
  });

  it('names only types and fields of the composed supergraph, with maskers that fit', () => {
    expect(() => validatePolicyAgainstSchema(policy, composedSupergraph())).not.toThrow();
  });

  it('every department sees its own domain in full', () => {
    expect([
      ...decisions(staff('PSB', 'ADMIN_ENFORCEMENT'), ['Person.name', 'Person.householdAddress']),
      ...decisions(staff('TAX', 'ADMIN_ENFORCEMENT'), ['Person.tax', 'TaxArrear.amount']),
      ...decisions(staff('COURT', 'JUDICIAL'), ['Person.court', 'EnforcementCase.amount']),
      ...decisions(staff('EDU', 'ADMIN_ENFORCEMENT'), [
        'Person.education',
        'IntegrityRecord.description',
      ]),
      ...decisions(staff('AMR', 'ADMIN_LICENSING', 'system'), [
        'Person.market',
        'Enterprise.legalRepresentative',
      ]),
    ]).toEqual([
      'Person.name: allow (psb-household-register)',
      'Person.householdAddress: allow (psb-household-register)',
      'Person.tax: allow (tax-own-domain)',
      'TaxArrear.amount: allow (tax-own-domain)',
      'Person.court: allow (court-own-domain)',
      'EnforcementCase.amount: allow (court-own-domain)',
      'Person.education: allow (edu-own-domain)',
      'IntegrityRecord.description: allow (edu-own-domain)',
      'Person.market: allow (amr-own-domain)',
      'Enterprise.legalRepresentative: allow (amr-own-domain)',
    ]);
  });

  it('other departments licensing see the credit summary, masked name, no amounts or case details', () => {
    expect(
      decisions(staff('PBOC', 'ADMIN_LICENSING'), [
        'Query.person',
        'Person.id',
        'Person.name',
        'Person.householdAddress',
        'Person.creditProfile',
        'CreditProfile.score',
        'CreditProfile.level',
        'SourceCollection.stale',
        'CreditProfile.breakdown',
        'Person.creditRecords',
        'Person.tax',
        'TaxArrear.amount',
        'Person.court',
        'EnforcementCase.caseNo',
        'Person.education',
      ]),
    ).toEqual([
      'Query.person: allow (officer-person-lookup)',
      'Person.id: allow (officers-name-masked)',
      'Person.name: mask:name (officers-name-masked)',
      'Person.householdAddress: deny (default-deny)',
      'Person.creditProfile: allow (credit-summary-licensing-discipline)',
      'CreditProfile.score: allow (credit-summary-licensing-discipline)',
      'CreditProfile.level: allow (credit-summary-licensing-discipline)',
      'SourceCollection.stale: allow (credit-summary-licensing-discipline)',
      'CreditProfile.breakdown: deny (default-deny)',
      'Person.creditRecords: deny (default-deny)',
      'Person.tax: deny (default-deny)',
      'TaxArrear.amount: deny (default-deny)',
      'Person.court: deny (default-deny)',
      'EnforcementCase.caseNo: deny (default-deny)',
      'Person.education: deny (default-deny)',
    ]);
  });

  it('a department outside its domain and off the licensing purposes sees no credit profile', () => {
    expect(
      decisions(staff('AMR', 'ADMIN_ENFORCEMENT'), ['Person.creditProfile', 'Person.tax']),
    ).toEqual(['Person.creditProfile: deny (default-deny)', 'Person.tax: deny (default-deny)']);
  });

  it('the credit platform sees profiles and records, not the departments raw files', () => {
    expect(
      decisions(staff('NDRC', 'CREDIT_REPAIR'), [
        'Person.name',
        'Person.householdStatus',
        'CreditProfile.breakdown',
        'ScoreContribution.reason',
        'CreditRecord.decisionNo',
        'Person.tax',
        'Query.taxCreditFeed',
      ]),
    ).toEqual([
      'Person.name: mask:name (officers-name-masked)',
      'Person.householdStatus: allow (ndrc-register-status)',
      'CreditProfile.breakdown: allow (ndrc-credit-work)',
      'ScoreContribution.reason: allow (ndrc-credit-work)',
      'CreditRecord.decisionNo: allow (ndrc-credit-work)',
      'Person.tax: deny (default-deny)',
      'Query.taxCreditFeed: deny (default-deny)',
    ]);
  });

  it('only the credit collector reads the department feeds', () => {
    const collector: Caller = {
      sub: 'credit-collector',
      dept: 'NDRC',
      roles: ['credit-collector'],
      clientType: 'system',
    };
    expect(
      decisions(collector, ['Query.taxCreditFeed', 'CreditFeedEntry.personId', 'Person.name']),
    ).toEqual([
      'Query.taxCreditFeed: allow (credit-collector-feeds)',
      'CreditFeedEntry.personId: allow (credit-collector-feeds)',
      'Person.name: deny (default-deny)',
    ]);
  });

  it('a citizen sees all of their own record and nothing of anyone else', () => {
    const citizen: Caller = {
      sub: 'c1',
      roles: [],
      clientType: 'citizen',
      personId: A,
      purpose: 'SELF_QUERY',
    };
    const fields = [
      'Query.person',
      'Person.householdAddress',
      'TaxArrear.amount',
      'IntegrityRecord.description',
      'CreditProfile.breakdown',
    ];
    expect([...decisions(citizen, fields, A), ...decisions(citizen, fields, B)]).toEqual([
      'Query.person: allow (citizen-own-record)',
      'Person.householdAddress: allow (citizen-own-record)',
      'TaxArrear.amount: allow (citizen-own-record)',
      'IntegrityRecord.description: allow (citizen-own-record)',
      'CreditProfile.breakdown: allow (citizen-own-record)',
      'Query.person: deny (citizen-own-record)',
      'Person.householdAddress: deny (citizen-own-record)',
      'TaxArrear.amount: deny (citizen-own-record)',
      'IntegrityRecord.description: deny (citizen-own-record)',
      'CreditProfile.breakdown: deny (citizen-own-record)',
    ]);
  });

  it('an organisation sees the summary its consent grants, never more', () => {
    const bank: Caller = {
      sub: 'bank',
      roles: [],
      clientType: 'org',
      org: '91511921MA62XXXXXX',
      purpose: 'AUTHORIZED_QUERY',
      consents: [{ personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2025-12-31T00:00:00Z' }],
    };
    const fields = [
      'Query.person',
      'Person.id',
      'Person.name',
      'CreditProfile.score',
      'CreditProfile.breakdown',
      'Person.tax',
    ];
    expect([...decisions(bank, fields, A), ...decisions(bank, ['CreditProfile.score'], B)]).toEqual(
      [
        'Query.person: allow (org-authorized-summary)',
        'Person.id: allow (org-authorized-summary)',
        'Person.name: mask:name (org-authorized-name-masked)',
        'CreditProfile.score: allow (org-authorized-summary)',
        'CreditProfile.breakdown: deny (default-deny)',
        'Person.tax: deny (default-deny)',
        'CreditProfile.score: deny (org-authorized-summary)',
      ],
    );
  });

  it('public clients and developers see the catalog only', () => {
    const anyone = (clientType: Caller['clientType']): Caller => ({
      sub: 'anon',
      roles: [],
      clientType,
    });
    const fields = ['Query.creditCatalog', 'CatalogItem.points', 'Query.person', 'Person.name'];
    expect([
      ...decisions(anyone('public'), fields),
      ...decisions(anyone('developer'), fields),
    ]).toEqual([
      'Query.creditCatalog: allow (credit-catalog-public)',
      'CatalogItem.points: allow (credit-catalog-public)',
      'Query.person: deny (default-deny)',
      'Person.name: deny (default-deny)',
      'Query.creditCatalog: allow (credit-catalog-public)',
      'CatalogItem.points: allow (credit-catalog-public)',
      'Query.person: deny (default-deny)',
      'Person.name: deny (default-deny)',
    ]);
  });
});
