/**
 * The permission matrix (DESIGN §4) through the REAL gateway and subgraphs with the DEFAULT policy
 * (policy/policy.yaml): department × client type × purpose × field → allow / mask / deny, with the
 * rule that decides it. Every row is checked twice: against the policy (evaluateField names the
 * rule) and against what a client actually gets over HTTP (value, masked value, or null plus a
 * FORBIDDEN error naming the rule, the field, the reason and the path).
 */
import { readPurpose } from '../gateway/auth/read-purpose';
import { ANONYMOUS_PUBLIC_CALLER } from '../gateway/auth/verify-user-token';
import { CONSENT_LOOKUP_CALLER } from '../gateway/security/consent-lookup';
import { SUBJECT_LOOKUP_CALLER } from '../gateway/security/subject-lookup';
import type { Caller, CallerIdentity, ConsentGrant, Department, Purpose } from '../lib/auth/caller';
import { PURPOSES } from '../lib/auth/caller';
import { COLLECTOR_CALLER } from '../lib/auth/internal-token';
import { DEPARTMENT_REGISTRY } from '../lib/departments/department-registry';
import { makeUscc } from '../lib/ids/uscc';
import { evaluateField } from '../lib/policy/evaluate-field';
import { applyMasker } from '../lib/policy/maskers';
import type { MaskerName } from '../lib/policy/maskers';
import { DEFAULT_DENY } from '../lib/policy/types';
import type { FieldSubject } from '../lib/policy/types';
import { loadCatalog } from '../subgraphs/credit/rules/load-catalog';
import { CONSENTED_ORG } from '../subgraphs/credit/seed';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';

/** Who asks: a token identity (none = the anonymous public client), purpose, case, consents. */
interface Who {
  identity?: CallerIdentity;
  purpose?: Purpose;
  caseRef?: string;
  /** Consents the caller holds (only a direct subgraph call signed as the gateway carries them). */
  consents?: ConsentGrant[];
}

/** A service identity that calls subgraphs directly, and whose key signs its tokens. */
interface Service {
  service: Readonly<Caller>;
  signedBy: 'gateway' | 'collector';
}

const COLLECTOR: Service = { service: COLLECTOR_CALLER, signedBy: 'collector' };
const CONSENT_LOOKUP: Service = { service: CONSENT_LOOKUP_CALLER, signedBy: 'gateway' };
const SUBJECT_LOOKUP: Service = { service: SUBJECT_LOOKUP_CALLER, signedBy: 'gateway' };

/** What a row's expected (unmasked) value is computed from. */
interface MatrixContext {
  personId(scenario: Scenario): string;
  person(scenario: Scenario): SyntheticPerson;
  /** An enterprise on the abnormal-operation list (its legal representative is the scenario person). */
  abnormalEnterprise: { uscc: string; legalRepresentativeId: string };
  /** What `who` reads at `select` about the scenario person through the gateway (must be granted). */
  viewOf(who: Who, scenario: Scenario | undefined, select: string): Promise<unknown>;
  /** Runs an operation through the gateway as `who` and returns its data (no error allowed). */
  ask(who: Who, query: string, variables?: Record<string, unknown>): Promise<unknown>;
  /** The tax feed cursor the collector's pass ended at. */
  taxFeedCursor: string | null;
  /** The market bureau's disclosure feed in clear, as the collector reads it, by disclosure id. */
  disclosureFeed(): Promise<Map<string, DisclosureSource>>;
}

/** A disclosure as the market bureau publishes it to the collector (clear name and id). */
interface DisclosureSource {
  personId: string;
  partyName: string;
  decisionNo: string;
}

type Effect = 'allow' | 'deny' | `mask:${MaskerName}`;

/** One row of the matrix: one caller, one field, one decision. */
interface MatrixCase {
  title: string;
  /** The caller: fixed, built from the seeded persons, or a service identity (direct calls). */
  who: Who | Service | ((ctx: MatrixContext) => Who);
  /** The person the query is about (root argument `id` or `personIds`). */
  subject?: Scenario;
  /**
   * Whose the data an id argument names is (the credit platform tells the gateway and its own
   * shield: lib/subjects), for the policy's own decision of the row.
   */
  dataSubject?: (ctx: MatrixContext, variables: Record<string, unknown>) => Promise<FieldSubject>;
  /** Response path of the leaf read, e.g. `person.tax.arrears.amount` (numbers index lists). */
  select: string;
  /** The `Type.field` whose decision the row is about. */
  field: string;
  effect: Effect;
  ruleId: string;
  /** allow / mask: the clear value at `select` (masked by the test for mask rows). */
  expected?: (ctx: MatrixContext, variables: Record<string, unknown>) => unknown;
  /** Work the row needs first (e.g. a check to report on); returns extra operation variables. */
  prepare?: (ctx: MatrixContext) => Promise<Record<string, unknown>>;
  /** deny: response path of the denied field; default `select`. */
  at?: string;
  /** deny: the response path that comes back null (`''` = all of `data`); default `at`. */
  nulled?: string;
  /** deny through the gateway: the subgraph that refused (the authoritative check). */
  by?: string;
  /** Sent straight to this subgraph (signed as the gateway would, or as the collector). */
  direct?: { subgraph: string; query: string };
}

const CASE_REF = 'TJ-2025-0001';
const FUTURE = '2999-01-01T00:00:00.000Z';
const PAST = '2001-01-01T00:00:00.000Z';
const BANK = makeUscc('91511921MA6X4R001');

function staff(
  dept: Department,
  purpose: Purpose,
  clientType: 'officer' | 'system' = 'officer',
): Who {
  return {
    identity: { sub: `${clientType}-${dept.toLowerCase()}`, clientType, dept, roles: [clientType] },
    purpose,
    caseRef: CASE_REF,
  };
}

/** Each recording department, its subgraph and one of its kinds of decision. */
const RECORDING: readonly [Department, string, string][] = [
  ['TAX', 'tax', 'arrears'],
  ['COURT', 'court', 'dishonest-debtors'],
  ['AMR', 'market', 'penalties'],
  ['EDU', 'education', 'integrity-records'],
  ['PSB', 'population', 'household-changes'],
  ['NDRC', 'credit', 'good-conduct'],
  ['HRSS', 'hrss', 'civil-servant-sanctions'],
  ['HEALTH', 'health', 'violations'],
  ['JUSTICE', 'justice', 'sanctions'],
];

/** A department's recording officer (role recorder) entering its decisions. */
function recorderOf(dept: Department, purpose: Purpose = 'DATA_ENTRY'): Who {
  return {
    identity: {
      sub: `recorder-${dept.toLowerCase()}`,
      clientType: 'officer',
      dept,
      roles: ['officer', 'recorder'],
    },
    purpose,
    caseRef: CASE_REF,
  };
}

function citizenOf(personId: string): Who {
  return { identity: { sub: `citizen-${personId}`, clientType: 'citizen', personId, roles: [] } };
}

function bank(consents: ConsentGrant[]): Who {
  return {
    identity: { sub: 'bank-loan-desk', clientType: 'org', org: BANK, roles: ['loan-officer'] },
    purpose: 'AUTHORIZED_QUERY',
    caseRef: 'LOAN-2025-77',
    consents,
  };
}

/**
 * The county lender every seeded `consent_granted` person consented to. Through the gateway the
 * consents are looked up by the gateway itself; `consents` here is what it must find (the policy
 * check of the row uses it).
 */
function lender(consents: ConsentGrant[]): Who {
  return {
    identity: {
      sub: 'lender-desk',
      clientType: 'org',
      org: CONSENTED_ORG,
      roles: ['loan-officer'],
    },
    purpose: 'AUTHORIZED_QUERY',
    caseRef: 'LOAN-2025-78',
    consents,
  };
}

const PUBLIC: Who = {};
/** The audit team; its purpose defaults to AUDIT_REVIEW, which needs no case reference. */
const AUDITOR: Who = {
  identity: { sub: 'auditor-1', clientType: 'auditor', dept: 'AUDIT', roles: ['auditor'] },
};
const DEVELOPER: Who = {
  identity: { sub: 'dev-1', clientType: 'developer', dept: 'NDRC', roles: ['developer'] },
  purpose: 'ADMIN_ENFORCEMENT',
  caseRef: CASE_REF,
};

/** The subject's own view through the gateway: the ground truth a granted officer must match. */
const asSubjectSees =
  (scenario: Scenario, select: string) =>
  (ctx: MatrixContext): Promise<unknown> =>
    ctx.viewOf(citizenOf(ctx.personId(scenario)), scenario, select);

const ENTITY_QUERY = (selection: string) =>
  `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${selection} } } }`;

const CONSENT_LOOKUP_QUERY = `query ($org: ID!, $personIds: [ID!]!) {
  activeConsentsForOrg(org: $org, personIds: $personIds) { scopes } }`;

const SUBJECT_LOOKUP_QUERY = `query ($references: [SubjectReferenceInput!]!) {
  subjectsOf(references: $references) { dept } }`;

/** An open objection to a record of AMR, as NDRC's follow-up lists it. */
async function amrObjection(ctx: MatrixContext): Promise<{ id: string; personId: string }> {
  const data = (await ctx.ask(
    staff('NDRC', 'CREDIT_REPAIR'),
    '{ overdueObjections(asOf: "2999-01-01") { id sourceDept personId } }',
  )) as { overdueObjections: { id: string; sourceDept: string; personId: string }[] };
  const objection = data.overdueObjections.find((candidate) => candidate.sourceDept === 'AMR');
  if (!objection) throw new Error('the seed has no open objection to an AMR record');
  return objection;
}

/** What the market bureau published in clear for each disclosure the public sees, in order. */
const publishedAs =
  (key: keyof DisclosureSource) =>
  async (ctx: MatrixContext): Promise<string[]> => {
    const ids = (await ctx.viewOf(PUBLIC, undefined, 'publicDisclosures.nodes.id')) as string[];
    const feed = await ctx.disclosureFeed();
    return ids.map((id) => feed.get(id)?.[key] ?? `no feed entry for ${id}`);
  };

/** A joint-measures check of the serious dishonest person, made by a TAX licensing officer. */
async function newMeasureCheck(ctx: MatrixContext): Promise<{ checkId: string }> {
  const data = (await ctx.ask(
    staff('TAX', 'ADMIN_LICENSING'),
    'query ($id: ID!) { jointMeasures(personId: $id, matter: LICENSING) { checkId } }',
    { id: ctx.personId('serious_dishonest') },
  )) as { jointMeasures: { checkId: string } };
  return { checkId: data.jointMeasures.checkId };
}

const consentOf =
  (scenario: Scenario, expiresAt: string) =>
  (ctx: MatrixContext): ConsentGrant[] => [
    { personId: ctx.personId(scenario), scopes: ['CREDIT_SUMMARY'], expiresAt },
  ];

const CASES: MatrixCase[] = [
  // ------------------------------------------------------------------ entry points, public data
  {
    title: 'a TAX approval system looks a person up for joint discipline',
    who: staff('TAX', 'JOINT_DISCIPLINE', 'system'),
    subject: 'tax_arrears',
    select: 'person.id',
    field: 'Query.person',
    effect: 'allow',
    ruleId: 'officer-person-lookup',
    expected: (ctx) => ctx.personId('tax_arrears'),
  },
  {
    title: 'the anonymous public reads the credit catalog',
    who: PUBLIC,
    select: 'creditCatalog.code',
    field: 'Query.creditCatalog',
    effect: 'allow',
    ruleId: 'credit-catalog-public',
    expected: () => loadCatalog().items.map((item) => item.code),
  },
  {
    title: 'the anonymous public asking for a person is refused',
    who: PUBLIC,
    subject: 'clean',
    select: 'person.name',
    field: 'Query.person',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person',
    by: 'population',
  },
  // ------------------------------------------------------------------ each department's own domain
  {
    title: 'PSB sees the full name in its household register',
    who: staff('PSB', 'ADMIN_ENFORCEMENT'),
    subject: 'clean',
    select: 'person.name',
    field: 'Person.name',
    effect: 'allow',
    ruleId: 'psb-household-register',
    expected: (ctx) => ctx.person('clean').name,
  },
  {
    title: 'PSB sees the household address',
    who: staff('PSB', 'PUBLIC_SERVICE'),
    subject: 'clean',
    select: 'person.householdAddress',
    field: 'Person.householdAddress',
    effect: 'allow',
    ruleId: 'psb-household-register',
    expected: (ctx) => ctx.person('clean').householdAddress,
  },
  {
    title: 'TAX sees tax arrears amounts',
    who: staff('TAX', 'ADMIN_ENFORCEMENT'),
    subject: 'tax_arrears',
    select: 'person.tax.arrears.amount',
    field: 'TaxArrear.amount',
    effect: 'allow',
    ruleId: 'tax-own-domain',
    expected: asSubjectSees('tax_arrears', 'person.tax.arrears.amount'),
  },
  {
    title: 'TAX asking court details is refused',
    who: staff('TAX', 'ADMIN_ENFORCEMENT'),
    subject: 'serious_dishonest',
    select: 'person.court.enforcementCases.amount',
    field: 'Person.court',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.court',
    by: 'court',
  },
  {
    title: 'COURT sees the dishonest-debtor obligation for a judicial purpose',
    who: staff('COURT', 'JUDICIAL'),
    subject: 'serious_dishonest',
    select: 'person.court.dishonestDebtor.obligation',
    field: 'DishonestDebtorListing.obligation',
    effect: 'allow',
    ruleId: 'court-own-domain',
    expected: asSubjectSees('serious_dishonest', 'person.court.dishonestDebtor.obligation'),
  },
  {
    title: 'AMR sees its penalty decisions',
    who: staff('AMR', 'ADMIN_ENFORCEMENT'),
    subject: 'general_bad',
    select: 'person.market.penalties.decisionNo',
    field: 'AdministrativePenalty.decisionNo',
    effect: 'allow',
    ruleId: 'amr-own-domain',
    expected: asSubjectSees('general_bad', 'person.market.penalties.decisionNo'),
  },
  {
    title: 'AMR asking tax arrears amounts is refused',
    who: staff('AMR', 'ADMIN_ENFORCEMENT'),
    subject: 'tax_arrears',
    select: 'person.tax.arrears.amount',
    field: 'Person.tax',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.tax',
    by: 'tax',
  },
  {
    title: "AMR sees an enterprise's legal representative",
    who: staff('AMR', 'ADMIN_LICENSING'),
    select: 'enterprise.legalRepresentative.id',
    field: 'Enterprise.legalRepresentative',
    effect: 'allow',
    ruleId: 'amr-own-domain',
    expected: (ctx) => ctx.abnormalEnterprise.legalRepresentativeId,
  },
  {
    title: "EDU sees an adult student's integrity file",
    who: staff('EDU', 'ADMIN_ENFORCEMENT'),
    subject: 'student_integrity',
    select: 'person.education.integrityFile.kind',
    field: 'IntegrityRecord.kind',
    effect: 'allow',
    ruleId: 'edu-own-domain',
    expected: asSubjectSees('student_integrity', 'person.education.integrityFile.kind'),
  },
  {
    title: "HEALTH sees a doctor's professional violation, facts included",
    who: staff('HEALTH', 'ADMIN_ENFORCEMENT'),
    subject: 'doctor_violation',
    select: 'person.health.violations.description',
    field: 'MedicalViolation.description',
    effect: 'allow',
    ruleId: 'health-own-domain',
    expected: asSubjectSees('doctor_violation', 'person.health.violations.description'),
  },
  {
    title: "JUSTICE sees a lawyer's suspended practising certificate",
    who: staff('JUSTICE', 'ADMIN_LICENSING'),
    subject: 'lawyer_suspended',
    select: 'person.justice.licences.status',
    field: 'LegalServiceLicence.status',
    effect: 'allow',
    ruleId: 'justice-own-domain',
    expected: () => ['SUSPENDED'],
  },
  {
    title: "HRSS sees a civil servant's disciplinary sanction",
    who: staff('HRSS', 'ADMIN_ENFORCEMENT'),
    subject: 'civil_servant_sanction',
    select: 'person.hrss.decisions.kind',
    field: 'HrssDecision.kind',
    effect: 'allow',
    ruleId: 'hrss-own-domain',
    expected: () => ['CIVIL_SERVANT_SANCTION'],
  },
  {
    title: "TAX licensing sees a lawyer's suspended occupation, issuer and status only",
    who: staff('TAX', 'ADMIN_LICENSING'),
    subject: 'lawyer_suspended',
    select: 'person.occupations.status',
    field: 'Occupation.status',
    effect: 'allow',
    ruleId: 'occupations-key-groups',
    expected: () => ['SUSPENDED'],
  },
  {
    title: 'a citizen sees their own occupations',
    who: (ctx) => citizenOf(ctx.personId('doctor_violation')),
    subject: 'doctor_violation',
    select: 'person.occupations.dept',
    field: 'Occupation.dept',
    effect: 'allow',
    ruleId: 'citizen-own-record',
    expected: () => ['HEALTH'],
  },
  {
    title: "NDRC asking the health bureau's violation file is refused",
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    subject: 'doctor_violation',
    select: 'person.health.violations.description',
    field: 'Person.health',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.health',
    by: 'health',
  },
  {
    title: "HEALTH asking the justice bureau's sanctions is refused",
    who: staff('HEALTH', 'ADMIN_ENFORCEMENT'),
    subject: 'lawyer_suspended',
    select: 'person.justice.sanctions.kind',
    field: 'Person.justice',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.justice',
    by: 'justice',
  },
  {
    title: "TAX licensing reads an enterprise's abnormal-operation listing",
    who: staff('TAX', 'ADMIN_LICENSING'),
    select: 'enterprise.status',
    field: 'Enterprise.status',
    effect: 'allow',
    ruleId: 'enterprise-registry-officers',
    expected: () => 'ABNORMAL_OPERATION',
  },
  {
    title: "TAX asking an enterprise's legal representative is refused",
    who: staff('TAX', 'ADMIN_LICENSING'),
    select: 'enterprise.legalRepresentative.id',
    field: 'Enterprise.legalRepresentative',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'enterprise.legalRepresentative',
    by: 'market',
  },
  // ------------------------------------------------------------------ the credit platform (NDRC)
  {
    title: "NDRC sees the profile's record-by-record breakdown",
    who: staff('NDRC', 'CREDIT_REPAIR'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.breakdown.catalogCode',
    field: 'ScoreContribution.catalogCode',
    effect: 'allow',
    ruleId: 'ndrc-credit-work',
    expected: asSubjectSees('serious_dishonest', 'person.creditProfile.breakdown.catalogCode'),
  },
  {
    title: 'NDRC sees the displayed credit records',
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    subject: 'tax_arrears',
    select: 'person.creditRecords.catalogCode',
    field: 'CreditRecord.catalogCode',
    effect: 'allow',
    ruleId: 'ndrc-credit-work',
    expected: asSubjectSees('tax_arrears', 'person.creditRecords.catalogCode'),
  },
  {
    title: 'NDRC sees that a person is deceased',
    who: staff('NDRC', 'CREDIT_REPAIR'),
    subject: 'deceased',
    select: 'person.householdStatus',
    field: 'Person.householdStatus',
    effect: 'allow',
    ruleId: 'ndrc-register-status',
    expected: () => 'DECEASED',
  },
  {
    title: 'NDRC gets the name masked',
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    subject: 'clean',
    select: 'person.name',
    field: 'Person.name',
    effect: 'mask:name',
    ruleId: 'officers-name-masked',
    expected: (ctx) => ctx.person('clean').name,
  },
  {
    title: "NDRC asking the tax bureau's raw arrears is refused",
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    subject: 'tax_arrears',
    select: 'person.tax.arrears.amount',
    field: 'Person.tax',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.tax',
    by: 'tax',
  },
  {
    title: "the collector reads the tax bureau's credit feed (directly on the subgraph)",
    who: COLLECTOR,
    select: 'taxCreditFeed.endCursor',
    field: 'Query.taxCreditFeed',
    effect: 'allow',
    ruleId: 'credit-collector-feeds',
    expected: (ctx) => ctx.taxFeedCursor,
    direct: { subgraph: 'tax', query: '{ taxCreditFeed(first: 500) { endCursor } }' },
  },
  {
    title: 'a TAX officer reading the tax credit feed directly is refused',
    who: staff('TAX', 'ADMIN_ENFORCEMENT'),
    select: 'taxCreditFeed.endCursor',
    field: 'Query.taxCreditFeed',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'taxCreditFeed',
    nulled: '',
    direct: { subgraph: 'tax', query: '{ taxCreditFeed(first: 500) { endCursor } }' },
  },
  // ------------------------------------------------------------------ use by other departments
  {
    title: 'TAX gets the name masked',
    who: staff('TAX', 'ADMIN_ENFORCEMENT'),
    subject: 'tax_arrears',
    select: 'person.name',
    field: 'Person.name',
    effect: 'mask:name',
    ruleId: 'officers-name-masked',
    expected: (ctx) => ctx.person('tax_arrears').name,
  },
  {
    title: 'COURT licensing sees the credit summary',
    who: staff('COURT', 'ADMIN_LICENSING'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.score',
    field: 'CreditProfile.score',
    effect: 'allow',
    ruleId: 'credit-summary-licensing-discipline',
    expected: asSubjectSees('serious_dishonest', 'person.creditProfile.score'),
  },
  {
    title:
      'COURT licensing asking the breakdown is refused (the profile is nulled, not the person)',
    who: staff('COURT', 'ADMIN_LICENSING'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.breakdown.points',
    field: 'CreditProfile.breakdown',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.creditProfile.breakdown',
    nulled: 'person.creditProfile',
    by: 'credit',
  },
  {
    title: 'CIVIL public service sees the credit level of a person with a good record',
    who: staff('CIVIL', 'PUBLIC_SERVICE'),
    subject: 'good_record_red_list',
    select: 'person.creditProfile.level',
    field: 'CreditProfile.level',
    effect: 'allow',
    ruleId: 'good-credit-incentives',
    expected: asSubjectSees('good_record_red_list', 'person.creditProfile.level'),
  },
  {
    title: 'CIVIL public service asking the score is refused',
    who: staff('CIVIL', 'PUBLIC_SERVICE'),
    subject: 'good_record_red_list',
    select: 'person.creditProfile.score',
    field: 'CreditProfile.score',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.creditProfile.score',
    nulled: 'person.creditProfile',
    by: 'credit',
  },
  {
    title: 'a developer client gets no person data under the default policy',
    who: DEVELOPER,
    subject: 'clean',
    select: 'person.name',
    field: 'Query.person',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person',
    by: 'population',
  },
  // ------------------------------------------------------------------ citizens and organisations
  {
    title: 'a citizen reads their own name',
    who: (ctx) => citizenOf(ctx.personId('tax_arrears')),
    subject: 'tax_arrears',
    select: 'person.name',
    field: 'Person.name',
    effect: 'allow',
    ruleId: 'citizen-own-record',
    expected: (ctx) => ctx.person('tax_arrears').name,
  },
  {
    title: 'a citizen reads their own tax arrears, as the tax bureau sees them',
    who: (ctx) => citizenOf(ctx.personId('tax_arrears')),
    subject: 'tax_arrears',
    select: 'person.tax.arrears.amount',
    field: 'TaxArrear.amount',
    effect: 'allow',
    ruleId: 'citizen-own-record',
    expected: (ctx) =>
      ctx.viewOf(staff('TAX', 'ADMIN_ENFORCEMENT'), 'tax_arrears', 'person.tax.arrears.amount'),
  },
  {
    title: "a citizen asking another person's record is refused",
    who: (ctx) => citizenOf(ctx.personId('clean')),
    subject: 'tax_arrears',
    select: 'person.name',
    field: 'Query.person',
    effect: 'deny',
    ruleId: 'citizen-own-record',
    at: 'person',
    by: 'population',
  },
  {
    title: 'an organisation without consent is refused',
    who: bank([]),
    subject: 'clean',
    select: 'person.creditProfile.score',
    field: 'Query.person',
    effect: 'deny',
    ruleId: 'org-authorized-summary',
    at: 'person',
    by: 'population',
  },
  {
    title: 'the consented lender reads the credit score (the gateway looks the consent up)',
    who: (ctx) => lender(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: 'person.creditProfile.score',
    field: 'CreditProfile.score',
    effect: 'allow',
    ruleId: 'org-authorized-summary',
    expected: asSubjectSees('consent_granted', 'person.creditProfile.score'),
  },
  {
    title: 'the consented lender gets the name masked',
    who: (ctx) => lender(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: 'person.name',
    field: 'Person.name',
    effect: 'mask:name',
    ruleId: 'org-authorized-name-masked',
    expected: (ctx) => ctx.person('consent_granted').name,
  },
  {
    title: 'the consented lender asking more than the summary is refused',
    who: (ctx) => lender(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: 'person.creditRecords.catalogCode',
    field: 'Person.creditRecords',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.creditRecords',
    nulled: 'person',
    by: 'credit',
  },
  {
    title: 'an organisation with consent reads the credit score (credit subgraph)',
    who: (ctx) => bank(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: '_entities.0.creditProfile.score',
    field: 'CreditProfile.score',
    effect: 'allow',
    ruleId: 'org-authorized-summary',
    expected: asSubjectSees('consent_granted', 'person.creditProfile.score'),
    direct: { subgraph: 'credit', query: ENTITY_QUERY('creditProfile { score }') },
  },
  {
    title: 'an organisation with consent gets the name masked (population subgraph)',
    who: (ctx) => bank(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: '_entities.0.name',
    field: 'Person.name',
    effect: 'mask:name',
    ruleId: 'org-authorized-name-masked',
    expected: (ctx) => ctx.person('consent_granted').name,
    direct: { subgraph: 'population', query: ENTITY_QUERY('name') },
  },
  {
    title: 'an organisation whose consent expired is refused',
    who: (ctx) => bank(consentOf('consent_granted', PAST)(ctx)),
    subject: 'consent_granted',
    select: '_entities.0.creditProfile.score',
    field: 'Person.creditProfile',
    effect: 'deny',
    ruleId: 'org-authorized-summary',
    at: '_entities.0.creditProfile',
    direct: { subgraph: 'credit', query: ENTITY_QUERY('creditProfile { score }') },
  },
  {
    title: 'the gateway reads the consents of an organisation as its own service identity',
    who: CONSENT_LOOKUP,
    subject: 'consent_granted',
    select: 'activeConsentsForOrg.scopes',
    field: 'Query.activeConsentsForOrg',
    effect: 'allow',
    ruleId: 'gateway-consent-lookup',
    expected: () => [['CREDIT_SUMMARY']],
    direct: { subgraph: 'credit', query: CONSENT_LOOKUP_QUERY },
  },
  {
    title: 'an organisation listing consents itself is refused',
    who: (ctx) => bank(consentOf('consent_granted', FUTURE)(ctx)),
    subject: 'consent_granted',
    select: 'activeConsentsForOrg.scopes',
    field: 'Query.activeConsentsForOrg',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'activeConsentsForOrg',
    nulled: '',
    direct: { subgraph: 'credit', query: CONSENT_LOOKUP_QUERY },
  },
  {
    title: 'a citizen grants a consent to an organisation',
    who: (ctx) => citizenOf(ctx.personId('repaired')),
    select: 'grantConsent.scopes',
    field: 'Mutation.grantConsent',
    effect: 'allow',
    ruleId: 'citizen-manage-consents',
    expected: () => ['CREDIT_SUMMARY'],
  },
  {
    title: "an officer granting a consent in a citizen's name is refused",
    who: staff('NDRC', 'CREDIT_REPAIR'),
    select: 'grantConsent.scopes',
    field: 'Mutation.grantConsent',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'grantConsent',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'a citizen lists their own consents',
    who: (ctx) => citizenOf(ctx.personId('consent_granted')),
    subject: 'consent_granted',
    select: 'person.consents.org',
    field: 'Person.consents',
    effect: 'allow',
    ruleId: 'citizen-own-consents',
    expected: () => [CONSENTED_ORG],
  },
  {
    title: "NDRC asking a person's consents is refused",
    who: staff('NDRC', 'CREDIT_REPAIR'),
    subject: 'consent_granted',
    select: 'person.consents.org',
    field: 'Person.consents',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.consents',
    by: 'credit',
  },
  {
    title: "a citizen revoking another person's consent is refused",
    who: (ctx) => citizenOf(ctx.personId('clean')),
    select: 'revokeConsent.org',
    field: 'Mutation.revokeConsent',
    effect: 'deny',
    ruleId: 'consents-revoked-by-their-person',
    prepare: async (ctx) => {
      const [consentId] = (await asSubjectSees(
        'consent_granted',
        'person.consents.id',
      )(ctx)) as string[];
      return { consentId };
    },
    dataSubject: async (ctx) => ({ personId: ctx.personId('consent_granted') }),
    at: 'revokeConsent',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'the gateway asks whose data an id names as its own service identity',
    who: SUBJECT_LOOKUP,
    select: 'subjectsOf.dept',
    field: 'Query.subjectsOf',
    effect: 'allow',
    ruleId: 'gateway-subject-lookup',
    prepare: async () => ({
      references: [{ kind: 'CATALOG_ITEM', id: 'CIVIL_VOLUNTEER_SERVICE' }],
    }),
    expected: () => ['CIVIL'],
    direct: { subgraph: 'credit', query: SUBJECT_LOOKUP_QUERY },
  },
  // ------------------------------------------------------------------ credit lists, green channel
  {
    title: 'TAX licensing sees whether the green channel is open',
    who: staff('TAX', 'ADMIN_LICENSING'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.greenChannel.decision',
    field: 'GreenChannel.decision',
    effect: 'allow',
    ruleId: 'green-channel-licensing',
    expected: asSubjectSees('serious_dishonest', 'person.creditProfile.greenChannel.decision'),
  },
  {
    title: 'TAX joint discipline asking the green channel is refused (licensing only)',
    who: staff('TAX', 'JOINT_DISCIPLINE'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.greenChannel.decision',
    field: 'CreditProfile.greenChannel',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'person.creditProfile.greenChannel',
    nulled: 'person.creditProfile',
    by: 'credit',
  },
  {
    title: 'COURT joint discipline sees the credit lists a person is on',
    who: staff('COURT', 'JOINT_DISCIPLINE'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.lists.name',
    field: 'CreditListEntry.name',
    effect: 'allow',
    ruleId: 'credit-lists-licensing-discipline',
    expected: asSubjectSees('serious_dishonest', 'person.creditProfile.lists.name'),
  },
  {
    title: 'NDRC sees why the green channel is closed',
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.greenChannel.reasons.code',
    field: 'GreenChannelReason.code',
    effect: 'allow',
    ruleId: 'ndrc-credit-lists',
    expected: asSubjectSees('serious_dishonest', 'person.creditProfile.greenChannel.reasons.code'),
  },
  {
    title: 'a citizen sees the records that put them on a list, as NDRC sees them',
    who: (ctx) => citizenOf(ctx.personId('serious_dishonest')),
    subject: 'serious_dishonest',
    select: 'person.creditProfile.lists.basis.recordId',
    field: 'CreditListBasis.recordId',
    effect: 'allow',
    ruleId: 'citizen-own-lists',
    expected: (ctx) =>
      ctx.viewOf(
        staff('NDRC', 'ADMIN_ENFORCEMENT'),
        'serious_dishonest',
        'person.creditProfile.lists.basis.recordId',
      ),
  },
  // ------------------------------------------------------------------ joint measures (联合奖惩)
  {
    title: 'TAX licensing triggers the joint measures for a blacklisted person',
    who: staff('TAX', 'ADMIN_LICENSING'),
    subject: 'serious_dishonest',
    select: 'jointMeasures.listStatus',
    field: 'Query.jointMeasures',
    effect: 'allow',
    ruleId: 'joint-measures-trigger',
    expected: async (ctx) =>
      (
        (await asSubjectSees(
          'serious_dishonest',
          'person.creditProfile.lists.list',
        )(ctx)) as string[]
      )[0],
  },
  {
    title: 'TAX licensing reports which measures it applied',
    who: staff('TAX', 'ADMIN_LICENSING'),
    select: 'reportMeasureFeedback.id',
    field: 'Mutation.reportMeasureFeedback',
    effect: 'allow',
    ruleId: 'joint-measures-feedback',
    prepare: newMeasureCheck,
    expected: (_ctx, variables) => variables.checkId,
  },
  {
    title: "COURT reporting feedback on TAX's joint-measures check is refused",
    who: staff('COURT', 'ADMIN_LICENSING'),
    select: 'reportMeasureFeedback.id',
    field: 'Mutation.reportMeasureFeedback',
    effect: 'deny',
    ruleId: 'feedback-by-checking-dept',
    prepare: newMeasureCheck,
    dataSubject: async (ctx) => ({ personId: ctx.personId('serious_dishonest'), dept: 'TAX' }),
    at: 'reportMeasureFeedback',
    by: 'credit',
  },
  {
    title: 'NDRC follows up the checks without feedback',
    who: staff('NDRC', 'JOINT_DISCIPLINE'),
    select: 'checksWithoutFeedback.id',
    field: 'Query.checksWithoutFeedback',
    effect: 'allow',
    ruleId: 'ndrc-measure-follow-up',
    prepare: newMeasureCheck,
    expected: (_ctx, variables) => expect.arrayContaining([variables.checkId]),
  },
  // ------------------------------------------------------------------ departments record decisions
  // An empty dry-run batch writes nothing, so each department's two rules are shown without data.
  ...RECORDING.flatMap(([dept, subgraph, kind]): MatrixCase[] => [
    {
      title: `a ${dept} recorder runs a batch of its own`,
      who: recorderOf(dept),
      select: `${subgraph}Import.kind`,
      field: `Mutation.${subgraph}Import`,
      effect: 'allow',
      ruleId: `${dept.toLowerCase()}-recorders`,
      expected: () => kind,
    },
    {
      title: `a ${dept} system runs a batch of its own`,
      who: staff(dept, 'DATA_ENTRY', 'system'),
      select: `${subgraph}Import.kind`,
      field: `Mutation.${subgraph}Import`,
      effect: 'allow',
      ruleId: `${dept.toLowerCase()}-recording-systems`,
      expected: () => kind,
    },
  ]),
  {
    title:
      "the credit collector's service identity declaring DATA_ENTRY is not an NDRC recording system",
    who: {
      identity: {
        sub: 'credit-collector',
        clientType: 'system',
        dept: 'NDRC',
        roles: ['credit-collector'],
      },
      purpose: 'DATA_ENTRY',
      caseRef: CASE_REF,
    },
    select: 'creditImport.kind',
    field: 'Mutation.creditImport',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'creditImport',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'a recorder reads what its batch did',
    who: recorderOf('AMR'),
    select: 'marketImport.unchanged',
    field: 'ImportBatchResult.unchanged',
    effect: 'allow',
    ruleId: 'decision-write-results',
    expected: () => 0,
  },
  {
    title: 'a TAX recorder records an arrear',
    who: recorderOf('TAX'),
    subject: 'clean_3y',
    select: 'taxRecordDecision.kind',
    field: 'Mutation.taxRecordDecision',
    effect: 'allow',
    ruleId: 'tax-recorders',
    expected: () => 'arrears',
  },
  {
    title: 'a TAX system records an arrear',
    who: staff('TAX', 'DATA_ENTRY', 'system'),
    subject: 'clean_3y',
    select: 'taxRecordDecision.kind',
    field: 'Mutation.taxRecordDecision',
    effect: 'allow',
    ruleId: 'tax-recording-systems',
    expected: () => 'arrears',
  },
  {
    title: 'a TAX officer without the recorder role is refused',
    who: staff('TAX', 'DATA_ENTRY'),
    subject: 'clean_3y',
    select: 'taxRecordDecision.kind',
    field: 'Mutation.taxRecordDecision',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'taxRecordDecision',
    nulled: '',
    by: 'tax',
  },
  {
    title: 'an AMR recorder writing the tax domain is refused',
    who: recorderOf('AMR'),
    subject: 'clean_3y',
    select: 'taxRecordDecision.kind',
    field: 'Mutation.taxRecordDecision',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'taxRecordDecision',
    nulled: '',
    by: 'tax',
  },
  {
    title: 'a TAX recorder writing without DATA_ENTRY is refused',
    who: recorderOf('TAX', 'ADMIN_ENFORCEMENT'),
    subject: 'clean_3y',
    select: 'taxRecordDecision.kind',
    field: 'Mutation.taxRecordDecision',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'taxRecordDecision',
    nulled: '',
    by: 'tax',
  },
  {
    title: 'NDRC starts a collection now',
    who: staff('NDRC', 'DATA_ENTRY'),
    select: 'collectCreditFeedsNow.0.feed',
    field: 'Mutation.collectCreditFeedsNow',
    effect: 'allow',
    ruleId: 'ndrc-collect-now',
    expected: () => 'credit',
  },
  {
    title: 'TAX starting a collection is refused',
    who: staff('TAX', 'DATA_ENTRY'),
    select: 'collectCreditFeedsNow.0.feed',
    field: 'Mutation.collectCreditFeedsNow',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'collectCreditFeedsNow',
    nulled: '',
    by: 'credit',
  },
  // ------------------------------------------------------------------ good conduct, objections
  {
    title: 'a CIVIL recorder records a good-conduct decision',
    who: recorderOf('CIVIL'),
    subject: 'clean_3y',
    select: 'recordGoodConduct.catalogCode',
    field: 'Mutation.recordGoodConduct',
    effect: 'allow',
    ruleId: 'record-good-conduct',
    expected: () => 'CIVIL_VOLUNTEER_SERVICE',
  },
  {
    title: 'a CIVIL officer without the recorder role recording good conduct is refused',
    who: staff('CIVIL', 'DATA_ENTRY'),
    subject: 'clean_3y',
    select: 'recordGoodConduct.catalogCode',
    field: 'Mutation.recordGoodConduct',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'recordGoodConduct',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'a CIVIL recorder recording good conduct without DATA_ENTRY is refused',
    who: recorderOf('CIVIL', 'PUBLIC_SERVICE'),
    subject: 'clean_3y',
    select: 'recordGoodConduct.catalogCode',
    field: 'Mutation.recordGoodConduct',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'recordGoodConduct',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'a TAX recorder recording good conduct is refused',
    who: recorderOf('TAX'),
    subject: 'clean_3y',
    select: 'recordGoodConduct.catalogCode',
    field: 'Mutation.recordGoodConduct',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'recordGoodConduct',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'an NDRC recorder recording the volunteer service CIVIL decides is refused',
    who: recorderOf('NDRC'),
    subject: 'clean_3y',
    select: 'recordGoodConduct.catalogCode',
    field: 'Mutation.recordGoodConduct',
    effect: 'deny',
    ruleId: 'good-conduct-by-deciding-bureau',
    dataSubject: async () => ({ dept: 'CIVIL' }),
    at: 'recordGoodConduct',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'a citizen files an objection to their own record',
    who: (ctx) => citizenOf(ctx.personId('general_bad')),
    select: 'fileObjection.status',
    field: 'Mutation.fileObjection',
    effect: 'allow',
    ruleId: 'citizen-objections-repairs',
    prepare: async (ctx) => {
      const [recordId] = (await asSubjectSees(
        'general_bad',
        'person.creditRecords.id',
      )(ctx)) as string[];
      return { recordId };
    },
    expected: () => 'OPEN',
  },
  {
    title: 'NDRC watches objections the source department has not answered',
    who: staff('NDRC', 'CREDIT_REPAIR'),
    select: 'overdueObjections.sourceDept',
    field: 'Query.overdueObjections',
    effect: 'allow',
    ruleId: 'ndrc-objections-repairs',
    expected: () => expect.arrayContaining(['AMR']),
  },
  {
    title: "a citizen objecting to another person's record is refused",
    who: (ctx) => citizenOf(ctx.personId('clean')),
    select: 'fileObjection.status',
    field: 'Mutation.fileObjection',
    effect: 'deny',
    ruleId: 'objections-on-own-records-only',
    prepare: async (ctx) => {
      const [recordId] = (await asSubjectSees(
        'general_bad',
        'person.creditRecords.id',
      )(ctx)) as string[];
      return { recordId };
    },
    dataSubject: async (ctx, variables) => ({
      personId: ctx.personId('general_bad'),
      dept: String(variables.recordId).split(':')[0] as Department,
    }),
    at: 'fileObjection',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'TAX deciding an objection to an AMR record is refused',
    who: staff('TAX', 'CREDIT_REPAIR'),
    select: 'decideObjection.status',
    field: 'Mutation.decideObjection',
    effect: 'deny',
    ruleId: 'decisions-by-source-dept-only',
    prepare: async (ctx) => ({ objectionId: (await amrObjection(ctx)).id }),
    dataSubject: async (ctx, variables) => {
      const objection = await amrObjection(ctx);
      expect(objection.id).toBe(variables.objectionId);
      return { personId: objection.personId, dept: 'AMR' };
    },
    at: 'decideObjection',
    nulled: '',
    by: 'credit',
  },
  {
    title: 'AMR decides an objection to its record',
    who: staff('AMR', 'CREDIT_REPAIR'),
    select: 'decideObjection.status',
    field: 'Mutation.decideObjection',
    effect: 'allow',
    ruleId: 'source-dept-decides-objections-repairs',
    prepare: async (ctx) => {
      const data = (await ctx.ask(
        staff('NDRC', 'CREDIT_REPAIR'),
        '{ overdueObjections(asOf: "2999-01-01") { id sourceDept } }',
      )) as { overdueObjections: { id: string; sourceDept: string }[] };
      const objection = data.overdueObjections.find((candidate) => candidate.sourceDept === 'AMR');
      return { objectionId: objection?.id };
    },
    expected: () => 'REJECTED',
  },
  // ------------------------------------------------------------------ public disclosures (双公示)
  {
    title: 'the anonymous public reads the published decisions',
    who: PUBLIC,
    select: 'publicDisclosures.nodes.decisionNo',
    field: 'PublicDisclosure.decisionNo',
    effect: 'allow',
    ruleId: 'public-disclosures',
    expected: publishedAs('decisionNo'),
  },
  {
    title: "the public sees a disclosed party's name masked",
    who: PUBLIC,
    select: 'publicDisclosures.nodes.partyName',
    field: 'PublicDisclosure.partyName',
    effect: 'mask:name',
    ruleId: 'public-disclosures-party-name-masked',
    expected: publishedAs('partyName'),
  },
  {
    title: "an officer too sees a disclosed party's id masked",
    who: staff('AMR', 'ADMIN_ENFORCEMENT'),
    select: 'publicDisclosures.nodes.partyIdNumber',
    field: 'PublicDisclosure.partyIdNumber',
    effect: 'mask:idNumber',
    ruleId: 'public-disclosures-party-id-masked',
    expected: publishedAs('personId'),
  },
  {
    title: "the collector reads the market bureau's disclosure feed (directly on the subgraph)",
    who: COLLECTOR,
    select: 'marketDisclosureFeed.hasMore',
    field: 'Query.marketDisclosureFeed',
    effect: 'allow',
    ruleId: 'credit-collector-disclosure-feeds',
    expected: () => false,
    direct: { subgraph: 'market', query: '{ marketDisclosureFeed(first: 2000) { hasMore } }' },
  },
  {
    title: 'the collector reads the tax disclosure feed (双公示 of tax penalties)',
    who: COLLECTOR,
    select: 'taxDisclosureFeed.hasMore',
    field: 'Query.taxDisclosureFeed',
    effect: 'allow',
    ruleId: 'credit-collector-disclosure-feeds',
    expected: () => false,
    direct: { subgraph: 'tax', query: '{ taxDisclosureFeed(first: 2000) { hasMore } }' },
  },
  ...(['hrss', 'health', 'justice'] as const).map(
    (subgraph): MatrixCase => ({
      title: `the collector reads the ${subgraph} disclosure feed (双公示 of its licences and penalties)`,
      who: COLLECTOR,
      select: `${subgraph}DisclosureFeed.hasMore`,
      field: `Query.${subgraph}DisclosureFeed`,
      effect: 'allow',
      ruleId: 'credit-collector-disclosure-feeds',
      expected: () => false,
      direct: { subgraph, query: `{ ${subgraph}DisclosureFeed(first: 2000) { hasMore } }` },
    }),
  ),
  // ------------------------------------------------------------------ the audit read side
  {
    title: 'the audit team reviews the alerts of unusual access',
    who: AUDITOR,
    select: 'auditAlerts.count',
    field: 'Query.auditAlerts',
    effect: 'allow',
    ruleId: 'audit-review',
    expected: () => [],
  },
  {
    title: 'an NDRC officer reviewing the audit alerts is refused',
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    select: 'auditAlerts.count',
    field: 'Query.auditAlerts',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'auditAlerts',
    nulled: '',
    by: 'audit',
  },
  {
    title: 'the audit team checks every audit hash chain on the running system',
    who: AUDITOR,
    select: 'auditChainStatus.ok',
    field: 'Query.auditChainStatus',
    effect: 'allow',
    ruleId: 'audit-chain-status',
    expected: () => true,
  },
  {
    title: 'an NDRC officer checking the audit chains is refused',
    who: staff('NDRC', 'ADMIN_ENFORCEMENT'),
    select: 'auditChainStatus.ok',
    field: 'Query.auditChainStatus',
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    at: 'auditChainStatus',
    nulled: '',
    by: 'audit',
  },
  {
    title: "the audit team looks a person up to read the person's access register",
    who: AUDITOR,
    subject: 'under_objection',
    select: 'person.id',
    field: 'Query.person',
    effect: 'allow',
    ruleId: 'audit-person-lookup',
    expected: (ctx) => ctx.personId('under_objection'),
  },
  {
    title: 'a citizen reads who looked at their data',
    who: (ctx) => citizenOf(ctx.personId('under_objection')),
    select: 'myAccessLog.pageInfo.hasNextPage',
    field: 'Query.myAccessLog',
    effect: 'allow',
    ruleId: 'citizen-access-log',
    expected: () => false,
  },
];

/** `person.tax.arrears.amount` → an operation selecting exactly that leaf, with the root's argument. */
function queryFor(select: string): string {
  const [root, ...rest] = select.split('.');
  const roots: Record<string, { operation: string; variables: string; call: string }> = {
    person: { operation: 'query', variables: '($id: ID!)', call: 'person(id: $id)' },
    enterprise: { operation: 'query', variables: '($uscc: ID!)', call: 'enterprise(uscc: $uscc)' },
    creditCatalog: { operation: 'query', variables: '', call: 'creditCatalog' },
    // A window long before any record: the answer is known (no alerts), whatever ran before.
    auditAlerts: {
      operation: 'query',
      variables: '',
      call: 'auditAlerts(from: "2001-01-01", to: "2001-01-02")',
    },
    myAccessLog: { operation: 'query', variables: '', call: 'myAccessLog(first: 1)' },
    auditChainStatus: { operation: 'query', variables: '', call: 'auditChainStatus' },
    publicDisclosures: { operation: 'query', variables: '', call: 'publicDisclosures(first: 20)' },
    jointMeasures: {
      operation: 'query',
      variables: '($id: ID!)',
      call: 'jointMeasures(personId: $id, matter: LICENSING)',
    },
    reportMeasureFeedback: {
      operation: 'mutation',
      variables: '($checkId: ID!)',
      call: 'reportMeasureFeedback(checkId: $checkId, applied: [])',
    },
    checksWithoutFeedback: {
      operation: 'query',
      variables: '',
      call: 'checksWithoutFeedback(olderThanDays: 0)',
    },
    ...Object.fromEntries(
      RECORDING.map(([, subgraph, kind]) => [
        `${subgraph}Import`,
        {
          operation: 'mutation',
          variables: '',
          call: `${subgraph}Import(kind: "${kind}", rows: [], dryRun: true)`,
        },
      ]),
    ),
    taxRecordDecision: {
      operation: 'mutation',
      variables: '($id: String!)',
      call:
        'taxRecordDecision(kind: "arrears", values: [{ field: "personId", value: $id }, ' +
        '{ field: "decisionNo", value: "通税通〔2025〕777号" }, { field: "taxType", value: "DEED" }, ' +
        '{ field: "amount", value: "88.00" }, { field: "since", value: "2025-01-15" }])',
    },
    collectCreditFeedsNow: { operation: 'mutation', variables: '', call: 'collectCreditFeedsNow' },
    recordGoodConduct: {
      operation: 'mutation',
      variables: '($id: ID!, $yesterday: String!)',
      call:
        'recordGoodConduct(personId: $id, kind: "CIVIL_VOLUNTEER_SERVICE", decidedAt: $yesterday, ' +
        'decisionNo: "通民志〔2025〕8号", title: "志愿服务")',
    },
    fileObjection: {
      operation: 'mutation',
      variables: '($recordId: ID!)',
      call: 'fileObjection(recordId: $recordId, reason: "处罚决定认定的当事人并非本人")',
    },
    overdueObjections: {
      operation: 'query',
      variables: '',
      call: 'overdueObjections(asOf: "2999-01-01")',
    },
    decideObjection: {
      operation: 'mutation',
      variables: '($objectionId: ID!)',
      call: 'decideObjection(objectionId: $objectionId, outcome: REJECTED, note: "经核查，事实清楚")',
    },
    grantConsent: {
      operation: 'mutation',
      variables: '($input: GrantConsentInput!)',
      call: 'grantConsent(input: $input)',
    },
    revokeConsent: {
      operation: 'mutation',
      variables: '($consentId: ID!)',
      call: 'revokeConsent(id: $consentId)',
    },
  };
  const { operation, variables, call } = roots[root];
  // A list index in `select` (collectCreditFeedsNow.0.feed) reads the answer, not the query.
  const fields = rest.filter((segment) => !/^\d+$/.test(segment));
  const body = [call, ...fields].reduceRight((inner, field) => `${field} { ${inner} }`);
  return `${operation} Matrix${variables} { ${body} }`;
}

/** Variables of every operation queryFor writes (GraphQL ignores those an operation lacks). */
function variablesFor(ctx: MatrixContext, subjectId: string | undefined): Record<string, unknown> {
  const day = 24 * 60 * 60 * 1000;
  const in30Days = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
  return {
    id: subjectId,
    yesterday: new Date(Date.now() - day).toISOString().slice(0, 10),
    uscc: ctx.abnormalEnterprise.uscc,
    input: { org: BANK, scopes: ['CREDIT_SUMMARY'], expiresAt: in30Days },
  };
}

/** Value at a response path; a name segment over a list maps it, a number indexes it. */
function pick(value: unknown, path: string): unknown {
  if (path === '') return value;
  return path.split('.').reduce<unknown>((current, segment) => {
    if (current === null || current === undefined) return current;
    if (Array.isArray(current)) {
      return /^\d+$/.test(segment)
        ? current[Number(segment)]
        : current.map((item: unknown) => pick(item, segment));
    }
    return (current as Record<string, unknown>)[segment];
  }, value);
}

/** `a.0.b` → `['a', 0, 'b']`, as GraphQL error paths spell it. */
function errorPath(path: string): (string | number)[] {
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Errors without dev-mode stack traces and source locations, which are not the contract. */
function contractErrors(response: GraphQLResponse): unknown {
  const without = (value: object, key: string) =>
    Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
  return response.errors?.map(({ extensions, ...error }) => ({
    ...without(error, 'locations'),
    extensions: without(extensions ?? {}, 'stacktrace'),
  }));
}

/** The caller the gateway builds from a `Who`: identity, declared (or default) purpose, consents. */
function callerOf(who: Who): Caller {
  const identity = who.identity ?? { ...ANONYMOUS_PUBLIC_CALLER, roles: [] };
  const headers = { 'x-purpose': who.purpose, 'x-case-ref': who.caseRef };
  return { ...identity, ...readPurpose(identity, headers), consents: who.consents ?? [] };
}

function isService(who: MatrixCase['who']): who is Service {
  return typeof who === 'object' && 'service' in who;
}

/** Each row's answer with the subgraph shields on, to hold the gateway-alone run against. */
const answers = new Map<string, unknown>();

/**
 * An answer as compared across runs: the ids a run makes (checks, objections: random UUIDs) are
 * named by the row's preparation or numbered in order of appearance, not compared as values.
 */
function comparable(response: GraphQLResponse, prepared: Record<string, unknown>): unknown {
  let text = JSON.stringify({
    status: response.status,
    data: response.data,
    errors: contractErrors(response),
  });
  for (const [name, value] of Object.entries(prepared)) {
    if (typeof value === 'string') text = text.split(value).join(`<${name}>`);
  }
  const numbered = new Map<string, string>();
  text = text.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (uuid) =>
      numbered.get(uuid) ?? numbered.set(uuid, `<id ${numbered.size + 1}>`).get(uuid) ?? uuid,
  );
  return JSON.parse(text) as unknown;
}

/**
 * The matrix runs twice: with every subgraph enforcing the policy itself (its shield), and with
 * every shield off (a test-only switch production refuses), where the gateway alone enforces,
 * as it must for subgraphs built by other vendors. Both runs must give exactly the same answers.
 * Rows sent straight to a subgraph test that subgraph's own shield and run only in the first.
 */
describe.each([
  { shield: true, name: 'subgraph shields on' },
  { shield: false, name: 'subgraph shields off: the gateway enforces alone' },
])('permission matrix through the gateway (default policy, $name)', ({ shield }) => {
  let system: SecureSystem;
  let ctx: MatrixContext;

  const gatewayHeaders = async (who: Who): Promise<Record<string, string>> =>
    who.identity
      ? system.security.userHeaders(who.identity, who.purpose, who.caseRef)
      : {
          ...(who.purpose && { 'x-purpose': who.purpose }),
          ...(who.caseRef && { 'x-case-ref': who.caseRef }),
        };

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 120, shield });
    const scenarios = system.fixtures.scenarios;
    const personId = (scenario: Scenario) => scenarios[scenario][0];
    const ask = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
      const response = await postGraphQL(
        system.gatewayUrl,
        query,
        variables,
        await gatewayHeaders(who),
      );
      expect(response.errors).toBeUndefined();
      return response.data;
    };
    const viewOf = async (who: Who, scenario: Scenario | undefined, select: string) => {
      const data = await ask(who, queryFor(select), { id: scenario && personId(scenario) });
      const value = pick(data, select);
      // A ground truth of nothing would let a broken grant pass: each row's subject has data.
      expect(value).not.toEqual([]);
      expect(value ?? null).not.toBeNull();
      return value;
    };
    const legalRep = personId('legal_rep_abnormal_enterprise');
    const roles = (await viewOf(
      citizenOf(legalRep),
      'legal_rep_abnormal_enterprise',
      'person.market.roles.enterprise.uscc',
    )) as string[];
    const statuses = (await viewOf(
      citizenOf(legalRep),
      'legal_rep_abnormal_enterprise',
      'person.market.roles.enterprise.status',
    )) as string[];
    const uscc = roles[statuses.indexOf('ABNORMAL_OPERATION')];
    expect(uscc).toEqual(expect.any(String));
    ctx = {
      personId,
      person: (scenario) => {
        const found = system.persons.find((person) => person.id === personId(scenario));
        if (!found) throw new Error(`no seeded person for ${scenario}`);
        return found;
      },
      abnormalEnterprise: { uscc, legalRepresentativeId: legalRep },
      viewOf,
      ask,
      taxFeedCursor: system.collection.find((report) => report.dept === 'TAX')?.cursor ?? null,
      async disclosureFeed() {
        const published = new Map<string, DisclosureSource>();
        for (const source of DEPARTMENT_REGISTRY.filter((entry) => entry.disclosureFeed)) {
          const subgraph = source.subgraph ?? '';
          const feedField = `${subgraph}DisclosureFeed`;
          const response = await postGraphQL<
            Record<string, { entries: (DisclosureSource & { sourceRecordId: string })[] }>
          >(
            system.subgraphs[subgraph].url,
            `{ ${feedField}(first: 2000) { entries { sourceRecordId personId partyName decisionNo } } }`,
            {},
            await system.security.serviceHeaders(subgraph),
          );
          expect(response.errors).toBeUndefined();
          // Later versions of a record come later in the feed and replace earlier ones.
          for (const entry of response.data?.[feedField]?.entries ?? []) {
            published.set(`${source.code}:${entry.sourceRecordId}`, entry);
          }
        }
        return published;
      },
    };
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('covers every rule of policy/policy.yaml and the default deny', () => {
    const covered = new Set(CASES.map((row) => row.ruleId));
    const expected = new Set([...system.security.policy.rules.map((r) => r.id), DEFAULT_DENY]);
    expect([...covered].sort()).toEqual([...expected].sort());
  });

  const rows = CASES.filter((row) => shield || !row.direct);
  it.each(rows.map((row) => [`${row.effect.padEnd(9)} ${row.title}`, row] as const))(
    '%s',
    async (_name, row) => {
      const service = isService(row.who) ? row.who : undefined;
      const who = isService(row.who)
        ? undefined
        : typeof row.who === 'function'
          ? row.who(ctx)
          : row.who;
      const caller: Caller = who ? callerOf(who) : { ...(service?.service ?? COLLECTOR_CALLER) };
      const subjectId = row.subject && ctx.personId(row.subject);
      const [typeName, fieldName] = row.field.split('.');
      const prepared = (await row.prepare?.(ctx)) ?? {};

      // 1. The policy decides the row as the table says.
      const decision = evaluateField(system.security.policy, caller, typeName, fieldName, {
        ...(subjectId ? { personId: subjectId } : {}),
        ...(await row.dataSubject?.(ctx, prepared)),
      });
      const [effect, masker] = row.effect.split(':');
      expect({ effect: decision.effect, ruleId: decision.ruleId }).toEqual({
        effect,
        ruleId: row.ruleId,
      });

      // 2. A client gets exactly that over HTTP.
      let response: GraphQLResponse;
      if (row.direct) {
        const { subgraph, query } = row.direct;
        // Signed as the gateway signs for a user (or for its consent lookup), or as the collector.
        const headers =
          service?.signedBy === 'collector'
            ? await system.security.serviceHeaders(subgraph)
            : await system.security.gatewayHeaders(subgraph, caller);
        response = await postGraphQL(
          system.subgraphs[subgraph].url,
          query,
          {
            r: subjectId ? [{ __typename: 'Person', id: subjectId }] : [],
            org: CONSENTED_ORG,
            personIds: subjectId ? [subjectId] : [],
            ...prepared,
          },
          headers,
        );
      } else {
        response = await postGraphQL(
          system.gatewayUrl,
          queryFor(row.select),
          { ...variablesFor(ctx, subjectId), ...prepared },
          await gatewayHeaders(who ?? PUBLIC),
        );
      }
      expect(response.status).toBe(200);
      const answer = comparable(response, prepared);
      if (shield) answers.set(row.title, answer);
      else if (answers.has(row.title)) expect(answer).toEqual(answers.get(row.title));

      if (decision.effect === 'deny') {
        const at = row.at ?? row.select;
        expect(pick(response.data, row.nulled ?? at)).toBeNull();
        expect(contractErrors(response)).toEqual([
          {
            message: `Access to ${row.field} denied: ${decision.reason}`,
            path: errorPath(at),
            extensions: {
              code: 'FORBIDDEN',
              ruleId: row.ruleId,
              reason: decision.reason,
              field: row.field,
              ...(row.by && { serviceName: row.by }),
            },
          },
        ]);
        return;
      }
      expect(response.errors).toBeUndefined();
      const clear = await row.expected?.(ctx, prepared);
      const value = pick(response.data, row.select);
      if (decision.effect === 'mask') {
        expect(decision.masker).toBe(masker);
        expect(value).toEqual(applyMasker(decision.masker, clear));
        expect(value).not.toEqual(clear);
      } else {
        expect(value).toEqual(clear);
      }
    },
  );

  if (!shield) {
    it('the shields really are off: the tax subgraph alone hands AMR the amounts the gateway refuses', async () => {
      const personId = ctx.personId('tax_arrears');
      const response = await postGraphQL<{
        _entities: { tax: { arrears: { amount: number }[] } }[];
      }>(
        system.subgraphs.tax.url,
        ENTITY_QUERY('tax { arrears { amount } }'),
        { r: [{ __typename: 'Person', id: personId }] },
        await system.security.gatewayHeaders('tax', callerOf(staff('AMR', 'ADMIN_ENFORCEMENT'))),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?._entities[0].tax.arrears.map((arrear) => arrear.amount)).toEqual(
        await asSubjectSees('tax_arrears', 'person.tax.arrears.amount')(ctx),
      );
    });
  }

  it('masks a name to its first character (张三 → 张*)', async () => {
    const response = await postGraphQL<{ person: { id: string; name: string } }>(
      system.gatewayUrl,
      queryFor('person.name'),
      { id: ctx.personId('clean') },
      await gatewayHeaders(staff('AMR', 'ADMIN_LICENSING')),
    );
    const clear = ctx.person('clean').name;
    expect(response.data?.person.name).toBe(
      `${Array.from(clear)[0]}${'*'.repeat(Array.from(clear).length - 1)}`,
    );
    expect(response.data?.person.name).toMatch(/^\p{Script=Han}\*+$/u);
  });

  const allowedFor = (clientType: 'officer' | 'citizen') =>
    (Object.keys(PURPOSES) as Purpose[]).filter((purpose) =>
      clientType === 'citizen'
        ? purpose !== 'AUDIT_REVIEW'
        : !['SELF_QUERY', 'AUDIT_REVIEW'].includes(purpose),
    );
  const listed = (purposes: Purpose[]) =>
    purposes.map((purpose) => `${purpose} (${PURPOSES[purpose]})`).join(', ');

  /** Requests refused as a whole: no data, a status and one error naming the problem. */
  const REFUSALS: {
    title: string;
    who: Who;
    headers?: Record<string, string>;
    select: string;
    status: number;
    error: (personId: string) => Record<string, unknown>;
  }[] = [
    {
      title: 'an officer without X-Purpose: BAD_USER_INPUT listing the allowed purposes',
      who: { identity: staff('TAX', 'ADMIN_ENFORCEMENT').identity },
      select: 'person.name',
      status: 400,
      error: () => ({
        message: `X-Purpose is required to read person data. Allowed values: ${listed(allowedFor('officer'))}.`,
        extensions: { code: 'BAD_USER_INPUT', header: 'X-Purpose', allowed: allowedFor('officer') },
      }),
    },
    {
      title: 'an unknown X-Purpose: BAD_USER_INPUT listing the allowed purposes',
      who: { identity: staff('TAX', 'ADMIN_ENFORCEMENT').identity, caseRef: CASE_REF },
      headers: { 'x-purpose': 'CURIOSITY' },
      select: 'person.name',
      status: 400,
      error: () => ({
        message: `Unknown X-Purpose "CURIOSITY". Allowed values: ${listed(allowedFor('officer'))}.`,
        extensions: { code: 'BAD_USER_INPUT', header: 'X-Purpose', allowed: allowedFor('officer') },
      }),
    },
    {
      title: 'a purpose without X-Case-Ref: BAD_USER_INPUT naming the header',
      who: { identity: staff('TAX', 'ADMIN_ENFORCEMENT').identity, purpose: 'ADMIN_LICENSING' },
      select: 'person.name',
      status: 400,
      error: () => ({
        message:
          'X-Case-Ref (办件编号, the business matter number) is required with X-Purpose ADMIN_LICENSING (行政许可).',
        extensions: { code: 'BAD_USER_INPUT', header: 'X-Case-Ref' },
      }),
    },
    {
      title: 'an officer declaring SELF_QUERY: FORBIDDEN, the purpose is for citizens',
      who: { identity: staff('TAX', 'ADMIN_ENFORCEMENT').identity, purpose: 'SELF_QUERY' },
      select: 'person.name',
      status: 403,
      error: () => ({
        message: 'X-Purpose SELF_QUERY (本人查询) is only for citizen clients, not officer.',
        extensions: { code: 'FORBIDDEN', header: 'X-Purpose', allowed: allowedFor('officer') },
      }),
    },
    {
      title: 'X-Authz-Mode: reject with a denied field: FORBIDDEN for the whole operation',
      who: staff('TAX', 'ADMIN_ENFORCEMENT'),
      headers: { 'x-authz-mode': 'reject' },
      select: 'person.court.consumptionRestricted',
      status: 403,
      error: () => ({
        message:
          'Operation refused: 2 field(s) are not granted to this caller for this purpose (Person.court, CourtInfo.consumptionRestricted).',
        extensions: {
          code: 'FORBIDDEN',
          // Every field asked and not granted, the ones below a denied field included.
          denied: [
            {
              field: 'Person.court',
              path: 'person.court',
              ruleId: DEFAULT_DENY,
              reason: 'no rule grants Person.court to officer of TAX for ADMIN_ENFORCEMENT',
            },
            {
              field: 'CourtInfo.consumptionRestricted',
              path: 'person.court.consumptionRestricted',
              ruleId: DEFAULT_DENY,
              reason:
                'no rule grants CourtInfo.consumptionRestricted to officer of TAX for ADMIN_ENFORCEMENT',
            },
          ],
        },
      }),
    },
  ];

  it.each(REFUSALS.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    const personId = ctx.personId('serious_dishonest');
    const response = await postGraphQL(
      system.gatewayUrl,
      queryFor(row.select),
      { id: personId },
      { ...(await gatewayHeaders(row.who)), ...row.headers },
    );
    expect(response.status).toBe(row.status);
    expect(response.data).toBeUndefined();
    expect(contractErrors(response)).toEqual([row.error(personId)]);
  });

  it('X-Authz-Mode: reject answers normally when nothing asked is denied', async () => {
    const response = await postGraphQL(
      system.gatewayUrl,
      'query ($id: ID!) { person(id: $id) { id name tax { arrears { amount } } } }',
      { id: ctx.personId('tax_arrears') },
      {
        ...(await gatewayHeaders(staff('TAX', 'ADMIN_ENFORCEMENT'))),
        'x-authz-mode': 'reject',
      },
    );
    const amounts = await asSubjectSees('tax_arrears', 'person.tax.arrears.amount')(ctx);
    expect(response).toEqual({
      status: 200,
      data: {
        person: {
          id: ctx.personId('tax_arrears'),
          name: applyMasker('name', ctx.person('tax_arrears').name),
          tax: { arrears: (amounts as number[]).map((amount) => ({ amount })) },
        },
      },
    });
  });

  it('the credit feeds are not part of the public schema', async () => {
    const response = await postGraphQL(
      system.gatewayUrl,
      '{ taxCreditFeed { endCursor } }',
      {},
      await gatewayHeaders(staff('NDRC', 'ADMIN_ENFORCEMENT')),
    );
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(contractErrors(response)).toEqual([
      {
        message: 'Cannot query field "taxCreditFeed" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });
});
