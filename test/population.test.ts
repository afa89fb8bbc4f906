import { chinaToday } from '../lib/civil-time/china-today';
import { makeCitizenId } from '../lib/ids/citizen-id';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { populationSubgraph } from '../subgraphs/population';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const security = createTestSecurity();

function resident(index: number, overrides: Partial<SyntheticPerson> = {}): SyntheticPerson {
  const id = makeCitizenId('511921', '19850315', 100 + index);
  return {
    index,
    id,
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate: '1985-03-15',
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: '1985-03-15',
    scenario: 'background',
    seed: index,
    ...overrides,
  };
}

describe.each(DB_MODES)('population subgraph over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let service: RunningSubgraph;
  const residents = Array.from({ length: 600 }, (_, i) => resident(i));
  residents[1] = resident(1, {
    householdStatus: 'DECEASED',
    registrationIssues: ['DECEASED_NOT_CANCELLED'],
  });

  /** POSTs as the public security bureau's own officer, signed as the gateway signs it. */
  async function asOfficer<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('population', officer('PSB'));
    return postGraphQL<Data>(service.url, query, variables, headers);
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['population']);
    service = await startSubgraph(populationSubgraph, {
      db: databases.dbs.population,
      ownsDatabase: false,
      security: await security.subgraph('population'),
    });
    await populationSubgraph.seed?.(databases.dbs.population, residents, { asOf: chinaToday() });
  });

  afterAll(async () => {
    await service?.stop();
    await databases?.close();
  });

  it('returns one person with every household field', async () => {
    const result = await asOfficer(
      `query ($id: ID!) { person(id: $id) {
      id name gender birthDate householdRegion householdAddress householdStatus registrationIssues } }`,
      { id: residents[1].id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: {
        id: residents[1].id,
        name: '测试1',
        gender: 'MALE',
        birthDate: '1985-03-15',
        householdRegion: '511921',
        householdAddress: '诺江镇1号',
        householdStatus: 'DECEASED',
        registrationIssues: ['DECEASED_NOT_CANCELLED'],
      },
    });
  });

  it('returns null for a valid id that is not registered', async () => {
    const result = await asOfficer(
      `{ person(id: "${makeCitizenId('511921', '19990101', 999)}") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: null });
  });

  it('refuses a malformed id as BAD_USER_INPUT naming the argument, without touching the database', async () => {
    const before = databases.dbs.population.statements;
    const result = await asOfficer('{ person(id: "51192119850315010X") { id } }');
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(result.errors?.[0].message).toMatch(/check character/);
    expect(databases.dbs.population.statements).toBe(before);
  });

  it('answers 500 persons in order with one SQL statement', async () => {
    const ids = residents.slice(0, 500).map((p) => p.id);
    const before = databases.dbs.population.statements;
    const result = await asOfficer<{ persons: { id: string }[] }>(
      'query ($ids: [ID!]!) { persons(ids: $ids) { id name } }',
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.persons.map((p) => p.id)).toEqual(ids);
    expect(databases.dbs.population.statements - before).toBe(1);
  });

  it('refuses more than 500 ids', async () => {
    const result = await asOfficer('query ($ids: [ID!]!) { persons(ids: $ids) { id } }', {
      ids: residents.slice(0, 501).map((p) => p.id),
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'ids',
    });
  });

  it('resolves entity references in one statement', async () => {
    const representations = residents.slice(0, 50).map((p) => ({ __typename: 'Person', id: p.id }));
    const before = databases.dbs.population.statements;
    const result = await asOfficer<{ _entities: { name: string }[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }',
      { r: representations },
    );
    expect(result.data?._entities).toHaveLength(50);
    expect(result.data?._entities[49].name).toBe('测试49');
    expect(databases.dbs.population.statements - before).toBe(1);
  });

  it('answers a request without an internal context token with 401 and no data', async () => {
    const before = databases.dbs.population.statements;
    const result = await postGraphQL(service.url, 'query ($id: ID!) { person(id: $id) { name } }', {
      id: residents[1].id,
    });
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(databases.dbs.population.statements).toBe(before);
  });

  it("denies another department's officer a household field: FORBIDDEN, default-deny", async () => {
    const headers = await security.gatewayHeaders('population', officer('TAX'));
    const result = await postGraphQL(
      service.url,
      'query ($id: ID!) { person(id: $id) { householdAddress } }',
      { id: residents[1].id },
      headers,
    );
    // householdAddress is non-null, so the denial nulls the nearest nullable parent: the person.
    expect(result.data).toEqual({ person: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['person', 'householdAddress']);
    // Apollo adds `stacktrace` outside production only (toEqual skips an undefined key); the
    // contract is the rest, exactly.
    expect({ ...result.errors?.[0].extensions, stacktrace: undefined }).toEqual({
      code: 'FORBIDDEN',
      ruleId: 'default-deny',
      reason: 'no rule grants Person.householdAddress to officer of TAX for ADMIN_ENFORCEMENT',
      field: 'Person.householdAddress',
    });
  });
});
