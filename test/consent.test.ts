/**
 * Consents (授权查询, task 11; DESIGN §4 "org may read only what an active consent of the subject
 * grants it") through the REAL gateway and subgraphs with the DEFAULT policy: citizens grant and
 * revoke consents on the credit platform, and the gateway looks them up before planning an
 * organisation's AUTHORIZED_QUERY. A second block checks the consent store and its batching on
 * both databases.
 */
import type { CallerIdentity } from '../lib/auth/caller';
import { makeUscc } from '../lib/ids/uscc';
import { applyMasker } from '../lib/policy/maskers';
import { parsePolicy } from '../lib/policy/parse-policy';
import { generatePersons } from '../scripts/seed/generate-persons';
import { createCreditSubgraph } from '../subgraphs/credit';
import { createConsentStore } from '../subgraphs/credit/consent-store';
import { CONSENTED_ORG } from '../subgraphs/credit/seed';
import { SCENARIOS } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity } from './support/test-security';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A lender that asks for consents in these tests (not the seeded CONSENTED_ORG). */
const BANK = makeUscc('91511921MA6BANK01');
const TODAY = new Date().toISOString().slice(0, 10);
const IN_30_DAYS = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);

// Three persons per scenario, so there are three clean ones.
const PERSONS = generatePersons({ count: 3 * SCENARIOS.length, seed: 7, asOf: TODAY });
const [ALICE, BOB, CAROL] = PERSONS.filter((person) => person.scenario === 'clean');
const SEEDED = PERSONS.find((person) => person.scenario === 'consent_granted') as SyntheticPerson;

const SUMMARY = `query Summary($id: ID!) {
  person(id: $id) {
    id
    name
    creditProfile { score level levelName computedAt asOf rulesVersion sources { dept lastSuccessAt stale } }
    tax { creditLevel }
  }
}`;

const GRANT = `mutation Grant($input: GrantConsentInput!) {
  grantConsent(input: $input) { id org scopes expiresAt revokedAt active }
}`;

const REVOKE = `mutation Revoke($id: ID!) {
  revokeConsent(id: $id) { id org scopes revokedAt active }
}`;

const MY_CONSENTS = `query Mine($id: ID!) {
  person(id: $id) { consents { id org scopes expiresAt revokedAt active } }
}`;

interface ConsentView {
  id: string;
  org: string;
  scopes: string[];
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

/** Every error of a response in one line each: `path code field ruleId` (or the argument). */
function errorLines(result: GraphQLResponse): string[] {
  return (result.errors ?? []).map((error) => {
    const { code, field, ruleId, argument } = error.extensions ?? {};
    const detail = field !== undefined ? `${String(field)} ${String(ruleId)}` : argument;
    return [error.path?.join('.') ?? '-', code, detail].filter((x) => x !== undefined).join(' ');
  });
}

/** The end of `yyyy-mm-dd` in China Standard Time, as the credit platform stores it. */
function endOfDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS).toISOString();
}

describe('consents through the gateway (default policy)', () => {
  let system: GatewayForTest;
  /** What each person sees of themself: the ground truth an organisation's view must match. */
  const ownView: Record<string, Record<string, unknown>> = {};
  let aliceConsentId: string;

  const citizen = (person: SyntheticPerson): CallerIdentity => ({
    sub: `citizen-${person.id}`,
    clientType: 'citizen',
    personId: person.id,
    roles: [],
  });
  const orgIdentity = (org: string): CallerIdentity => ({
    sub: `loan-desk-${org}`,
    clientType: 'org',
    org,
    roles: ['loan-officer'],
  });

  async function asCitizen(
    person: SyntheticPerson,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse> {
    const headers = await system.security.userHeaders(citizen(person));
    return postGraphQL(system.gateway.url, query, variables, headers);
  }

  async function asOrg(
    org: string,
    query: string,
    variables: Record<string, unknown>,
    extraHeaders: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    const headers = await system.security.userHeaders(
      orgIdentity(org),
      'AUTHORIZED_QUERY',
      'LOAN-2025-0001',
    );
    return postGraphQL(system.gateway.url, query, variables, { ...headers, ...extraHeaders });
  }

  /** What an organisation holding a CREDIT_SUMMARY consent must see of `person`. */
  function summaryOf(person: SyntheticPerson) {
    const own = ownView[person.id];
    return {
      id: person.id,
      name: applyMasker('name', person.name),
      // Computed per request: only the instant differs from the citizen's own view.
      creditProfile: { ...(own.creditProfile as object), computedAt: expect.any(String) },
      tax: null,
    };
  }

  beforeAll(async () => {
    system = await startGatewayForTest({ security: createTestSecurity(), persons: PERSONS });
    for (const person of [ALICE, BOB, CAROL, SEEDED]) {
      const own = await asCitizen(person, SUMMARY, { id: person.id });
      expect(own.errors).toBeUndefined();
      ownView[person.id] = (own.data as { person: Record<string, unknown> }).person;
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses an organisation without consent: the person is not even looked up', async () => {
    const result = await asOrg(BANK, SUMMARY, { id: ALICE.id });
    expect(result.data).toEqual({ person: null });
    expect(errorLines(result)).toEqual(['person FORBIDDEN Query.person org-authorized-summary']);
    expect(result.errors?.[0].extensions?.reason).toBe(
      `the subject has not consented to org ${BANK} for AUTHORIZED_QUERY seeing Query.person`,
    );
  });

  it('lets a citizen grant a consent for their own person', async () => {
    const result = await asCitizen(ALICE, GRANT, {
      input: { org: BANK.toLowerCase(), scopes: ['CREDIT_SUMMARY'], expiresAt: IN_30_DAYS },
    });
    expect(result.errors).toBeUndefined();
    const granted = (result.data as { grantConsent: ConsentView }).grantConsent;
    aliceConsentId = granted.id;
    expect(granted).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      org: BANK,
      scopes: ['CREDIT_SUMMARY'],
      expiresAt: endOfDay(IN_30_DAYS),
      revokedAt: null,
      active: true,
    });
    const mine = await asCitizen(ALICE, MY_CONSENTS, { id: ALICE.id });
    expect(mine).toEqual({
      status: 200,
      data: { person: { consents: [granted] } },
    });
  });

  it('shows the organisation exactly the consented credit summary, name masked, no tax details', async () => {
    const result = await asOrg(BANK, SUMMARY, { id: ALICE.id });
    expect(result.data).toEqual({ person: summaryOf(ALICE) });
    expect(errorLines(result)).toEqual(['person.tax FORBIDDEN Person.tax default-deny']);
  });

  it('passes reject mode when only consented fields are asked (the pre-check sees the consents)', async () => {
    const query = `query ($id: ID!) { person(id: $id) { id creditProfile { score level } } }`;
    const result = await asOrg(BANK, query, { id: ALICE.id }, { 'x-authz-mode': 'reject' });
    const profile = ownView[ALICE.id].creditProfile as { score: number; level: string };
    expect(result).toEqual({
      status: 200,
      data: {
        person: { id: ALICE.id, creditProfile: { score: profile.score, level: profile.level } },
      },
    });
  });

  it('keeps another person without consent denied, in the same operation', async () => {
    const query = `query ($a: ID!, $b: ID!) {
      a: person(id: $a) { id creditProfile { score } }
      b: person(id: $b) { id creditProfile { score } }
    }`;
    const result = await asOrg(BANK, query, { a: ALICE.id, b: BOB.id });
    const score = (ownView[ALICE.id].creditProfile as { score: number }).score;
    expect(result.data).toEqual({ a: { id: ALICE.id, creditProfile: { score } }, b: null });
    expect(errorLines(result)).toEqual(['b FORBIDDEN Query.person org-authorized-summary']);
  });

  it('does not open a consent to another organisation', async () => {
    const other = makeUscc('91511921MA6XTHER1');
    const result = await asOrg(other, SUMMARY, { id: ALICE.id });
    expect(result.data).toEqual({ person: null });
    expect(errorLines(result)).toEqual(['person FORBIDDEN Query.person org-authorized-summary']);
  });

  it('serves the seeded consent_granted person to the fixtures organisation only', async () => {
    const granted = await asOrg(CONSENTED_ORG, SUMMARY, { id: SEEDED.id });
    expect(granted.data).toEqual({ person: summaryOf(SEEDED) });
    const refused = await asOrg(BANK, SUMMARY, { id: SEEDED.id });
    expect(refused.data).toEqual({ person: null });
  });

  it('never lets a citizen act for someone else', async () => {
    // No person argument exists: the consent is always the caller's own.
    const withPerson = await asCitizen(BOB, GRANT, {
      input: {
        org: BANK,
        scopes: ['CREDIT_SUMMARY'],
        expiresAt: IN_30_DAYS,
        personId: ALICE.id,
      },
    });
    expect(withPerson.status).toBe(400);
    expect(withPerson.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(withPerson.errors?.[0].message).toMatch(/Field "personId" is not defined/);
    // Bob revoking Alice's consent learns nothing and changes nothing.
    const revoke = await asCitizen(BOB, REVOKE, { id: aliceConsentId });
    expect(revoke.data).toBeNull();
    expect(errorLines(revoke)).toEqual([
      'revokeConsent FORBIDDEN Mutation.revokeConsent consents-revoked-by-their-person',
    ]);
    const still = await asOrg(BANK, SUMMARY, { id: ALICE.id });
    expect(still.data).toEqual({ person: summaryOf(ALICE) });
    // Bob's own grant opens Bob, not Alice's neighbour Carol.
    await asCitizen(BOB, GRANT, {
      input: { org: BANK, scopes: ['CREDIT_SUMMARY'], expiresAt: IN_30_DAYS },
    });
    const carol = await asOrg(BANK, SUMMARY, { id: CAROL.id });
    expect(carol.data).toEqual({ person: null });
  });

  it('refuses grants by anyone but a citizen', async () => {
    const headers = await system.security.userHeaders(
      { sub: 'ndrc-1', clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
      'CREDIT_REPAIR',
      'CASE-2025-0001',
    );
    const result = await postGraphQL(
      system.gateway.url,
      GRANT,
      { input: { org: BANK, scopes: ['CREDIT_SUMMARY'], expiresAt: IN_30_DAYS } },
      headers,
    );
    expect(result.data).toBeNull();
    expect(errorLines(result)).toEqual([
      'grantConsent FORBIDDEN Mutation.grantConsent default-deny',
    ]);
  });

  it('refuses bad input as BAD_USER_INPUT naming the argument', async () => {
    const grant = (input: Record<string, unknown>) =>
      asCitizen(CAROL, GRANT, {
        input: { org: BANK, scopes: ['CREDIT_SUMMARY'], expiresAt: IN_30_DAYS, ...input },
      });
    const results = await Promise.all([
      grant({ org: `${BANK.slice(0, 17)}${BANK.endsWith('0') ? '1' : '0'}` }),
      grant({ scopes: ['EVERYTHING'] }),
      grant({ scopes: ['Person.tax'] }),
      grant({ scopes: [] }),
      grant({ expiresAt: '2020-01-01' }),
      grant({ expiresAt: new Date(Date.now() + 400 * DAY_MS).toISOString() }),
      grant({ expiresAt: 'next week' }),
    ]);
    expect(results.map((result) => [result.data, ...errorLines(result)])).toEqual([
      [null, 'grantConsent BAD_USER_INPUT org'],
      [null, 'grantConsent BAD_USER_INPUT scopes'],
      [null, 'grantConsent BAD_USER_INPUT scopes'],
      [null, 'grantConsent BAD_USER_INPUT scopes'],
      [null, 'grantConsent BAD_USER_INPUT expiresAt'],
      [null, 'grantConsent BAD_USER_INPUT expiresAt'],
      [null, 'grantConsent BAD_USER_INPUT expiresAt'],
    ]);
    expect(results[1].errors?.[0].message).toBe(
      'Invalid argument scopes: unknown scope "EVERYTHING": use a named scope (CREDIT_SUMMARY) or a Type.field an organisation may be granted by consent',
    );
    const mine = await asCitizen(CAROL, MY_CONSENTS, { id: CAROL.id });
    expect(mine.data).toEqual({ person: { consents: [] } });
  });

  it('closes access again when the citizen revokes the consent', async () => {
    const result = await asCitizen(ALICE, REVOKE, { id: aliceConsentId });
    expect(result.errors).toBeUndefined();
    const revoked = (result.data as { revokeConsent: ConsentView }).revokeConsent;
    expect(revoked).toEqual({
      id: aliceConsentId,
      org: BANK,
      scopes: ['CREDIT_SUMMARY'],
      revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      active: false,
    });
    const again = await asCitizen(ALICE, REVOKE, { id: aliceConsentId });
    expect(again.data).toEqual({ revokeConsent: revoked });
    const denied = await asOrg(BANK, SUMMARY, { id: ALICE.id });
    expect(denied.data).toEqual({ person: null });
    expect(errorLines(denied)).toEqual(['person FORBIDDEN Query.person org-authorized-summary']);
  });

  it('closes access when the consent has expired', async () => {
    const now = Date.now();
    await createConsentStore(system.databases.dbs.credit).insert({
      personId: CAROL.id,
      org: BANK,
      scopes: ['CREDIT_SUMMARY'],
      grantedAt: new Date(now - 10 * DAY_MS),
      expiresAt: new Date(now - DAY_MS),
    });
    const denied = await asOrg(BANK, SUMMARY, { id: CAROL.id });
    expect(denied.data).toEqual({ person: null });
    expect(errorLines(denied)).toEqual(['person FORBIDDEN Query.person org-authorized-summary']);
    const mine = await asCitizen(CAROL, MY_CONSENTS, { id: CAROL.id });
    expect(mine.data).toEqual({
      person: {
        consents: [
          {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            org: BANK,
            scopes: ['CREDIT_SUMMARY'],
            expiresAt: new Date(now - DAY_MS).toISOString(),
            revokedAt: null,
            active: false,
          },
        ],
      },
    });
  });

  it("hides a citizen's consents from everyone else", async () => {
    const result = await asCitizen(BOB, MY_CONSENTS, { id: ALICE.id });
    expect(result.data).toEqual({ person: null });
    expect(errorLines(result)).toEqual(['person FORBIDDEN Query.person citizen-own-record']);
  });

  it('refuses a user token that claims the gateway-only consent-lookup role', async () => {
    const headers = await system.security.userHeaders(
      { sub: 'intruder', clientType: 'system', dept: 'NDRC', roles: ['consent-lookup'] },
      'ADMIN_ENFORCEMENT',
      'CASE-2025-0001',
    );
    const result = await postGraphQL(system.gateway.url, '{ creditCatalog { code } }', {}, headers);
    expect(result).toEqual({
      status: 401,
      errors: [
        {
          message: 'token role consent-lookup is reserved to the gateway itself',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  // Last: it stops the credit subgraph.
  it('fails closed when consents cannot be looked up, and says so', async () => {
    await system.stopSubgraph('credit');
    const result = await asOrg(CONSENTED_ORG, `query ($id: ID!) { person(id: $id) { id } }`, {
      id: SEEDED.id,
    });
    expect(result.data).toEqual({ person: null });
    expect(errorLines(result)).toEqual([
      'person FORBIDDEN Query.person org-authorized-summary',
      '- CONSENTS_UNAVAILABLE',
    ]);
    expect(result.errors?.[1].message).toBe(
      "Consents could not be checked, so no field that needs the subject's consent is shown. Try again later.",
    );
  });
});

/** Test only: consents to developer clients, so one caller may read many persons' lists. */
const CONSENT_READER_POLICY = parsePolicy(
  `format: 1
identityFields: [Person.id]
scopes:
  CREDIT_SUMMARY: [Person.creditProfile]
rules:
  - id: test-consent-reader
    description: Test only — every person's consents to developer clients.
    fields: [Person.consents, Consent.*]
    when: { clientType: [developer] }
    effect: allow
  - id: test-consent-lookup
    description: The gateway's consent lookup, as in the default policy.
    fields: [Query.activeConsentsForOrg, ConsentGrantEntry.*]
    when: { dept: [NDRC], clientType: [system], roles: [consent-lookup] }
    effect: allow
`,
  'test/consent.test.ts CONSENT_READER_POLICY',
);

describe.each(DB_MODES)('consent store of the credit subgraph on %s', (mode) => {
  const security = createTestSecurity({ policy: CONSENT_READER_POLICY });
  const credit = createCreditSubgraph({ collectOnStart: false, log: () => undefined });
  let databases: TestDatabases;
  let service: RunningSubgraph;
  const persons = PERSONS.slice(0, 30);
  const developer = {
    sub: 'dev-1',
    clientType: 'developer' as const,
    dept: 'NDRC' as const,
    roles: ['developer'],
  };

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['credit']);
    service = await startSubgraph(credit, {
      db: databases.dbs.credit,
      ownsDatabase: false,
      security: await security.subgraph('credit'),
    });
    const now = Date.now();
    await createConsentStore(databases.dbs.credit).insertMany(
      persons.flatMap((person, index) => [
        {
          personId: person.id,
          org: BANK,
          scopes: ['CREDIT_SUMMARY'],
          grantedAt: new Date(now - 2 * DAY_MS),
          // Every third one has expired, every fifth is revoked.
          expiresAt: new Date(now + (index % 3 === 0 ? -DAY_MS : 30 * DAY_MS)),
          revokedAt: index % 5 === 0 ? new Date(now - DAY_MS) : null,
        },
        {
          personId: person.id,
          org: CONSENTED_ORG,
          scopes: ['Person.creditProfile'],
          grantedAt: new Date(now - 3 * DAY_MS),
          expiresAt: new Date(now + 60 * DAY_MS),
        },
      ]),
    );
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('answers Person.consents of 60 representations with one SQL statement', async () => {
    const representations = [...persons, ...persons].map((person) => ({
      __typename: 'Person',
      id: person.id,
    }));
    const headers = await security.gatewayHeaders('credit', developer);
    const before = databases.dbs.credit.statements;
    const result = await postGraphQL<{ _entities: { consents: { org: string }[] }[] }>(
      service.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { consents { org } } } }`,
      { r: representations },
      headers,
    );
    expect(databases.dbs.credit.statements - before).toBe(1);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual(
      representations.map(() => ({ consents: [{ org: BANK }, { org: CONSENTED_ORG }] })),
    );
  });

  it('looks up the active consents of many persons to one organisation with one statement', async () => {
    const headers = await security.gatewayHeaders('credit', {
      sub: 'credit-federation-gateway',
      clientType: 'system',
      dept: 'NDRC',
      roles: ['consent-lookup'],
    });
    const before = databases.dbs.credit.statements;
    const result = await postGraphQL<{ activeConsentsForOrg: { personId: string }[] }>(
      service.url,
      `query ($org: ID!, $ids: [ID!]!) { activeConsentsForOrg(org: $org, personIds: $ids) { personId scopes } }`,
      { org: BANK, ids: persons.map((person) => person.id) },
      headers,
    );
    expect(databases.dbs.credit.statements - before).toBe(1);
    expect(result.errors).toBeUndefined();
    const active = persons.filter((_, index) => index % 3 !== 0 && index % 5 !== 0);
    expect(result.data?.activeConsentsForOrg).toEqual(
      active
        .map((person) => ({ personId: person.id, scopes: ['CREDIT_SUMMARY'] }))
        .sort((a, b) => a.personId.localeCompare(b.personId)),
    );
  });
});
