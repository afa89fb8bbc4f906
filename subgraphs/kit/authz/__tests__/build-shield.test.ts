import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { graphql, parse } from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import type { Caller } from '../../../../lib/auth/caller';
import { parsePolicy } from '../../../../lib/policy/parse-policy';
import { badUserInput } from '../../errors';
import { applyPolicy } from '../apply-policy';
import { buildPermissions } from '../build-shield';
import type { FieldDecisionEvent } from '../build-shield';

const A = '511921198503121233';
const B = '51192119900101001X';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    person(id: ID!): Person
    records: [Record!]!
  }

  type Person @key(fields: "id") {
    id: ID!
    name: String
    householdAddress: String
    tax: TaxInfo
    "Added to the schema without a policy rule."
    addedLater: String
    "Tells whether the object came through __resolveReference."
    loadedBy: String
  }

  type TaxInfo {
    level: String
    arrears: [Arrear!]!
  }

  type Arrear {
    amount: Float!
  }

  "Items of many people in one root list: each carries its personId."
  type Record {
    personId: ID!
    title: String
  }
`;

const POLICY = parsePolicy(
  `
format: 1
identityFields: [Person.id]
rules:
  - id: officer-lookup
    description: Entry point for officers.
    fields: [Query.person]
    when: { clientType: [officer] }
    effect: allow
  - id: psb-register
    description: PSB sees the register.
    fields: [Person.name, Person.householdAddress, Person.loadedBy]
    when: { dept: [PSB] }
    effect: allow
  - id: tax-names-masked
    description: TAX sees masked identity.
    fields: [Person.name]
    when: { dept: [TAX] }
    effect: mask:name
  - id: tax-address-masked
    description: TAX sees the region only.
    fields: [Person.householdAddress]
    when: { dept: [TAX] }
    effect: mask:address
  - id: tax-own
    description: TAX sees its own domain.
    fields: [Person.tax, TaxInfo.*, Arrear.*]
    when: { dept: [TAX] }
    effect: allow
  - id: citizen-self
    description: A citizen sees their own record.
    fields: [Query.person, Person.*, TaxInfo.*, Arrear.*, Record.title]
    when: { clientType: [citizen], subject: self }
    effect: allow
  - id: citizen-records
    description: The list itself; each item is checked by its own subject.
    fields: [Query.records, Record.personId]
    when: { clientType: [citizen] }
    effect: allow
  - id: org-consented
    description: What the consent grants.
    fields: [Query.person, Person.tax, TaxInfo.level]
    when: { clientType: [org], purpose: [AUTHORIZED_QUERY], subject: consented }
    effect: allow
`,
  'test.yaml',
);

interface PersonRow {
  id: string;
  name: string;
  householdAddress: string;
  taxLevel: string;
  arrears: { amount: number }[];
}

const PEOPLE: Record<string, PersonRow> = {
  [A]: {
    id: A,
    name: '张三',
    householdAddress: '通江县诺江镇红军路12号',
    taxLevel: 'B',
    arrears: [{ amount: 12000 }],
  },
  [B]: {
    id: B,
    name: '欧阳娜娜',
    householdAddress: '巴州区东城街道江北大道3号',
    taxLevel: 'A',
    arrears: [],
  },
};

const resolvers = {
  Query: {
    person: (_root: unknown, args: { id: string }) => {
      if (!/^\d{17}[\dX]$/.test(args.id)) throw badUserInput('id', 'must be a citizen id');
      return PEOPLE[args.id] ?? null;
    },
    records: () => [
      { personId: A, title: 'record of A' },
      { personId: B, title: 'record of B' },
    ],
  },
  Person: {
    __resolveReference: (reference: { id: string }) => ({
      ...PEOPLE[reference.id],
      loadedBy: '__resolveReference',
    }),
    addedLater: () => 'should never be seen',
    // TaxInfo carries no personId: its subject comes from the Person above it.
    tax: (person: PersonRow) => ({ level: person.taxLevel, arrears: person.arrears }),
  },
};

function subgraphSchema(): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: parse(SDL),
    resolvers: resolvers as unknown as GraphQLResolverMap<unknown>,
  });
}

const schema = applyPolicy(subgraphSchema(), POLICY);

const officer = (dept: Caller['dept']): Caller => ({
  sub: 'u1',
  dept,
  roles: ['officer'],
  clientType: 'officer',
  purpose: 'ADMIN_ENFORCEMENT',
});
const citizenA: Caller = {
  sub: 'c1',
  roles: [],
  clientType: 'citizen',
  personId: A,
  purpose: 'SELF_QUERY',
};
const bank: Caller = {
  sub: 'bank',
  roles: [],
  clientType: 'org',
  org: '91511921MA62XXXXXX',
  purpose: 'AUTHORIZED_QUERY',
  consents: [
    { personId: A, scopes: ['Person.tax', 'TaxInfo.level'], expiresAt: '2999-01-01T00:00:00Z' },
  ],
};

async function run(
  caller: Caller | undefined,
  source: string,
  variableValues?: Record<string, unknown>,
  target: GraphQLSchema = schema,
): Promise<ExecutionResult> {
  const result = await graphql({
    schema: target,
    source,
    variableValues,
    contextValue: caller ? { caller } : {},
  });
  return sortErrors(JSON.parse(JSON.stringify(result)) as ExecutionResult);
}

/** Errors in path order: fields of one object resolve concurrently, in no fixed order. */
function sortErrors<T extends { errors?: readonly unknown[] }>(result: T): T {
  if (!result.errors) return result;
  const key = (error: unknown) => JSON.stringify((error as { path?: unknown }).path);
  return { ...result, errors: [...result.errors].sort((a, b) => key(a).localeCompare(key(b))) };
}

/** The serialized error of a denied field at `path`. */
function forbidden(path: (string | number)[], field: string, ruleId: string, reason: string) {
  return {
    message: `Access to ${field} denied: ${reason}`,
    locations: expect.any(Array),
    path,
    extensions: { code: 'FORBIDDEN', ruleId, reason, field },
  };
}

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { id name tax { level arrears { amount } } }
  }
}`;
const representations = [
  { __typename: 'Person', id: A },
  { __typename: 'Person', id: B },
];

describe('buildPermissions / applyPolicy', () => {
  it('resolves allowed fields unchanged', async () => {
    const result = await run(officer('PSB'), `{ person(id: "${A}") { id name householdAddress } }`);
    expect(result).toEqual({
      data: { person: { id: A, name: '张三', householdAddress: '通江县诺江镇红军路12号' } },
    });
  });

  it('masks fields with a mask effect', async () => {
    const result = await run(
      officer('TAX'),
      `{ person(id: "${B}") { id name householdAddress tax { level } } }`,
    );
    expect(result).toEqual({
      data: {
        person: {
          id: B,
          name: '欧***',
          householdAddress: '巴州区东城街道***',
          tax: { level: 'A' },
        },
      },
    });
  });

  it('resolves a denied field to null with exactly the FORBIDDEN extensions', async () => {
    const result = await run(officer('PSB'), `{ person(id: "${A}") { name tax { level } } }`);
    expect(result).toEqual({
      data: { person: { name: '张三', tax: null } },
      errors: [
        forbidden(
          ['person', 'tax'],
          'Person.tax',
          'default-deny',
          'no rule grants Person.tax to officer of PSB for ADMIN_ENFORCEMENT',
        ),
      ],
    });
  });

  it('denies a field added to the schema without a rule', async () => {
    const result = await run(officer('PSB'), `{ person(id: "${A}") { name addedLater } }`);
    expect(result).toEqual({
      data: { person: { name: '张三', addedLater: null } },
      errors: [
        forbidden(
          ['person', 'addedLater'],
          'Person.addedLater',
          'default-deny',
          'no rule grants Person.addedLater to officer of PSB for ADMIN_ENFORCEMENT',
        ),
      ],
    });
  });

  it('a Type.* rule covers fields added later (the citizen sees all of their own record)', async () => {
    const result = await run(citizenA, `{ person(id: "${A}") { addedLater } }`);
    expect(result).toEqual({ data: { person: { addedLater: 'should never be seen' } } });
  });

  it('a citizen reads their own nested data; the subject flows down without personId', async () => {
    const result = await run(
      citizenA,
      `{ person(id: "${A}") { id tax { level arrears { amount } } } }`,
    );
    expect(result).toEqual({
      data: { person: { id: A, tax: { level: 'B', arrears: [{ amount: 12000 }] } } },
    });
  });

  it("a citizen asking for someone else's person is refused at the root field", async () => {
    const result = await run(citizenA, `{ person(id: "${B}") { id name } }`);
    expect(result).toEqual({
      data: { person: null },
      errors: [
        forbidden(
          ['person'],
          'Query.person',
          'citizen-self',
          'rule citizen-self grants Query.person only to the citizen the data is about',
        ),
      ],
    });
  });

  it('_entities resolves through __resolveReference and checks every entity by its own subject', async () => {
    const result = await run(citizenA, ENTITIES, { representations });
    expect(result).toEqual({
      data: {
        _entities: [
          { id: A, name: '张三', tax: { level: 'B', arrears: [{ amount: 12000 }] } },
          null,
        ],
      },
      errors: [
        forbidden(
          ['_entities', 1, 'id'],
          'Person.id',
          'default-deny',
          'Person.id identifies the subject and is shown only with another Person field the caller ' +
            'may see; none is granted to citizen for SELF_QUERY',
        ),
        forbidden(
          ['_entities', 1, 'name'],
          'Person.name',
          'citizen-self',
          'rule citizen-self grants Person.name only to the citizen the data is about',
        ),
        forbidden(
          ['_entities', 1, 'tax'],
          'Person.tax',
          'citizen-self',
          'rule citizen-self grants Person.tax only to the citizen the data is about',
        ),
      ],
    });
    const loadedBy = await run(
      officer('PSB'),
      `query($r: [_Any!]!) {
      _entities(representations: $r) { ... on Person { loadedBy } }
    }`,
      { r: [representations[0]] },
    );
    expect(loadedBy).toEqual({ data: { _entities: [{ loadedBy: '__resolveReference' }] } });
  });

  it('an organisation sees what the consent of that subject grants, nothing of others', async () => {
    const result = await run(
      bank,
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Person { id tax { level } } }
      }`,
      { representations },
    );
    expect(result).toEqual({
      data: { _entities: [{ id: A, tax: { level: 'B' } }, null] },
      errors: [
        forbidden(
          ['_entities', 1, 'id'],
          'Person.id',
          'default-deny',
          'Person.id identifies the subject and is shown only with another Person field the caller ' +
            'may see; none is granted to org 91511921MA62XXXXXX for AUTHORIZED_QUERY',
        ),
        forbidden(
          ['_entities', 1, 'tax'],
          'Person.tax',
          'org-consented',
          'the subject has not consented to org 91511921MA62XXXXXX for AUTHORIZED_QUERY seeing Person.tax',
        ),
      ],
    });
  });

  it('items of a root list are checked by the personId they carry', async () => {
    const result = await run(citizenA, '{ records { personId title } }');
    expect(result).toEqual({
      data: {
        records: [
          { personId: A, title: 'record of A' },
          { personId: B, title: null },
        ],
      },
      errors: [
        forbidden(
          ['records', 1, 'title'],
          'Record.title',
          'citizen-self',
          'rule citizen-self grants Record.title only to the citizen the data is about',
        ),
      ],
    });
  });

  it('_service { sdl }, __typename and introspection work for any caller, even none', async () => {
    const result = await run(
      undefined,
      '{ _service { sdl } __typename __schema { queryType { name } } }',
    );
    const unsecured = await run(undefined, '{ _service { sdl } }', undefined, subgraphSchema());
    const sdl = (unsecured.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toContain('addedLater: String');
    expect(result).toEqual({
      data: { _service: { sdl }, __typename: 'Query', __schema: { queryType: { name: 'Query' } } },
    });
  });

  it('a request without a caller is denied every data field', async () => {
    const result = await run(undefined, `{ person(id: "${A}") { id } }`);
    expect(result).toEqual({
      data: { person: null },
      errors: [
        forbidden(['person'], 'Query.person', 'default-deny', 'the request carries no caller'),
      ],
    });
  });

  it('resolver errors pass through unchanged', async () => {
    const result = await run(officer('PSB'), '{ person(id: "nonsense") { id } }');
    expect(result).toEqual({
      data: { person: null },
      errors: [
        {
          message: 'Invalid argument id: must be a citizen id',
          locations: expect.any(Array),
          path: ['person'],
          extensions: { code: 'BAD_USER_INPUT', argument: 'id', reason: 'must be a citizen id' },
        },
      ],
    });
  });

  it('reports every decision to onDecision', async () => {
    const events: Omit<FieldDecisionEvent, 'context'>[] = [];
    const logged = applyPolicy(subgraphSchema(), POLICY, {
      onDecision: ({ context: _context, ...event }) => events.push(event),
    });
    await run(officer('TAX'), `{ person(id: "${A}") { name addedLater } }`, undefined, logged);
    expect(events).toEqual([
      {
        field: 'Query.person',
        personId: A,
        decision: { effect: 'allow', ruleId: 'officer-lookup' },
        path: ['person'],
      },
      {
        field: 'Person.name',
        personId: A,
        decision: { effect: 'mask', masker: 'name', ruleId: 'tax-names-masked' },
        path: ['person', 'name'],
      },
      {
        field: 'Person.addedLater',
        personId: A,
        path: ['person', 'addedLater'],
        decision: {
          effect: 'deny',
          ruleId: 'default-deny',
          reason: 'no rule grants Person.addedLater to officer of TAX for ADMIN_ENFORCEMENT',
        },
      },
    ]);
  });

  it('refuses a policy whose masker cannot carry a field type of this subgraph', () => {
    const policy = parsePolicy(
      `
format: 1
rules:
  - id: amounts-masked
    description: A Float cannot hold a bucket.
    fields: [Arrear.amount]
    when: { dept: [PBOC] }
    effect: mask:amount
`,
      'bad.yaml',
    );
    expect(() => buildPermissions(policy, subgraphSchema())).toThrow(
      'Invalid policy bad.yaml (1 problem):\n' +
        '  - rules[0] (amounts-masked).fields: masker amount cannot mask Arrear.amount of type ' +
        'Float! (it applies to String)',
    );
  });

  it('keeps the FORBIDDEN extensions exact through Apollo Server', async () => {
    const apollo = new ApolloServer<{ caller: Caller }>({
      schema,
      includeStacktraceInErrorResponses: false,
    });
    await apollo.start();
    try {
      const response = await apollo.executeOperation(
        { query: ENTITIES, variables: { representations: [representations[1]] } },
        { contextValue: { caller: officer('TAX') } },
      );
      expect(JSON.parse(JSON.stringify(response.body))).toEqual({
        kind: 'single',
        singleResult: {
          data: { _entities: [{ id: B, name: '欧***', tax: { level: 'A', arrears: [] } }] },
        },
      });
      const denied = await apollo.executeOperation(
        { query: ENTITIES, variables: { representations: [representations[0]] } },
        { contextValue: { caller: officer('COURT') } },
      );
      expect(denied.body.kind).toBe('single');
      const single = denied.body.kind === 'single' ? denied.body.singleResult : {};
      expect(sortErrors(JSON.parse(JSON.stringify(single)) as ExecutionResult)).toEqual({
        data: { _entities: [null] },
        errors: [
          forbidden(
            ['_entities', 0, 'id'],
            'Person.id',
            'default-deny',
            'Person.id identifies the subject and is shown only with another Person field the ' +
              'caller may see; none is granted to officer of COURT for ADMIN_ENFORCEMENT',
          ),
          forbidden(
            ['_entities', 0, 'name'],
            'Person.name',
            'default-deny',
            'no rule grants Person.name to officer of COURT for ADMIN_ENFORCEMENT',
          ),
          forbidden(
            ['_entities', 0, 'tax'],
            'Person.tax',
            'default-deny',
            'no rule grants Person.tax to officer of COURT for ADMIN_ENFORCEMENT',
          ),
        ],
      });
    } finally {
      await apollo.stop();
    }
  });
});
