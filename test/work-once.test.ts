/**
 * The gateway does each piece of a request's work once: one walk of the operation yields the
 * decision, the subjects and the audit fields (gateway/access/analyze-operation.ts), and a
 * document is printed and hashed only when the gateway changed it, once per distinct change, not
 * per request (gateway/access/filter-operation.ts). Counted through a real gateway.
 */
import * as analyze from '../gateway/access/analyze-operation';
import * as documentQueryHash from '../gateway/access/document-query-hash';
import type { CallerIdentity } from '../lib/auth/caller';
import { parsePolicy } from '../lib/policy/parse-policy';
import { generatePersons } from '../scripts/seed/generate-persons';
import { populationSubgraph } from '../subgraphs/population';
import { registerSubgraph } from '../subgraphs/kit/subgraph-module';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';
import { createTestSecurity } from './support/test-security';

/** Test only: developers may read a person's id and name; everything else is denied. */
const POLICY = parsePolicy(
  `format: 1
identityFields: [Person.id]
rules:
  - id: test-developer-names
    description: Test only — a person's id and name to developer clients.
    fields: [Query.person, Person.id, Person.name]
    when: { clientType: [developer] }
    effect: allow
`,
  'test/work-once.test.ts POLICY',
);

const DEVELOPER: CallerIdentity = {
  sub: 'dev-1',
  clientType: 'developer',
  dept: 'NDRC',
  roles: [],
};
const PERSONS = generatePersons({
  count: 21,
  seed: 3,
  asOf: new Date().toISOString().slice(0, 10),
});
const ID = PERSONS[0].id;

describe('work once per request', () => {
  let system: GatewayForTest;
  let headers: Record<string, string>;

  beforeAll(async () => {
    system = await startGatewayForTest({
      modules: [registerSubgraph(populationSubgraph)],
      persons: PERSONS,
      security: createTestSecurity({ policy: POLICY }),
      gateway: { playground: false },
    });
    headers = await system.security.userHeaders(DEVELOPER, 'ADMIN_LICENSING', 'CASE-1');
  });
  afterAll(async () => {
    await system?.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  async function ask(query: string) {
    const response = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: { id: ID } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, body };
  }

  it('walks an allowed operation once and prints nothing', async () => {
    const walks = jest.spyOn(analyze, 'analyzeOperation');
    const prints = jest.spyOn(documentQueryHash, 'documentQueryHash');
    const query = 'query Allowed($id: ID!) { person(id: $id) { id name } }';
    for (let i = 0; i < 3; i += 1) {
      expect((await ask(query)).status).toBe(200);
      expect([i, walks.mock.calls.length, prints.mock.calls.length]).toEqual([i, i + 1, 0]);
    }
  });

  it('prints and hashes a document it removed fields from once, not per request', async () => {
    const walks = jest.spyOn(analyze, 'analyzeOperation');
    const prints = jest.spyOn(documentQueryHash, 'documentQueryHash');
    const query = 'query Partial($id: ID!) { person(id: $id) { id name householdStatus } }';
    for (let i = 0; i < 3; i += 1) {
      const { status, body } = await ask(query);
      expect(status).toBe(200);
      // Not vacuous: the denied field was removed and answered FORBIDDEN by the gateway.
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect([i, walks.mock.calls.length, prints.mock.calls.length]).toEqual([i, i + 1, 1]);
    }
  });
});
