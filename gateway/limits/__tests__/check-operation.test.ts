import { readFileSync } from 'node:fs';
import { buildSchema, getIntrospectionQuery } from 'graphql';
import { SUPERGRAPH_PATH } from '../../../scripts/lib/system-security';
import { checkOperation } from '../check-operation';
import type { OperationVerdict } from '../check-operation';
import type { OperationLimits } from '../limits-config';
import { DEFAULT_LIMITS_CONFIG } from '../load-limits-config';

const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const LIMITS = DEFAULT_LIMITS_CONFIG.operation.defaults;
const ID = '511921198503150012';

function check(
  text: string,
  options: {
    variables?: Record<string, unknown>;
    operationName?: string;
    limits?: Partial<OperationLimits>;
  } = {},
): OperationVerdict {
  return checkOperation({
    text,
    operationName: options.operationName,
    variables: options.variables ?? {},
    schema,
    limits: { ...LIMITS, ...options.limits },
    cost: DEFAULT_LIMITS_CONFIG.cost,
  });
}

function repeat(count: number, item: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => item(index)).join(' ');
}

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level breakdown { catalogCode points } sources { dept stale } } }
}`;

describe('checkOperation', () => {
  it('passes the profile query and reports what it measured', () => {
    expect(check(PROFILE, { variables: { id: ID } })).toEqual({
      kind: 'pass',
      measures: {
        tokens: 37,
        nesting: 4,
        fields: 12,
        fieldMergePairs: 0,
        rootFields: 1,
        depth: 4,
        aliases: 0,
        directives: 0,
        largestList: 0,
        // person 1 + id, householdStatus, creditProfile 3 + score, level 2
        // + breakdown and sources (lists: ×10 each) 2 + 10 × 2 + 10 × 2
        cost: 48,
      },
    });
  });

  it("passes GraphiQL's introspection query (the playground's schema explorer)", () => {
    const verdict = check(getIntrospectionQuery());
    expect(verdict.kind).toBe('pass');
  });

  it.each<[string, string, Partial<OperationLimits>, keyof OperationLimits, number]>([
    ['tokens', `{ ${repeat(20, (i) => `a${i}: __typename`)} }`, { maxTokens: 50 }, 'maxTokens', 62],
    ['nesting', `{${'a{'.repeat(40)}b${'}'.repeat(41)}`, {}, 'maxNesting', 33],
    [
      'expanded fields',
      `{ ...F ...F } fragment F on Query { ${repeat(8, (i) => `f${i}: __typename`)} }`,
      { maxFields: 20 },
      'maxFields',
      24,
    ],
    [
      'same-key fields',
      `{ ${repeat(40, (i) => `a: person(id: "${i}") { id }`)} }`,
      {},
      'maxFieldMergePairs',
      780,
    ],
    [
      'root fields',
      `{ ${repeat(16, (i) => `a${i}: creditCatalog { code }`)} }`,
      { maxAliases: 100 },
      'maxRootFields',
      16,
    ],
    [
      'depth',
      `{ person(id: "${ID}") { market { roles { enterprise { legalRepresentative { market { roles { enterprise { legalRepresentative { market { roles { enterprise { uscc } } } } } } } } } } } } }`,
      {},
      'maxDepth',
      13,
    ],
    [
      'aliases',
      `{ person(id: "${ID}") { ${repeat(31, (i) => `a${i}: id`)} } }`,
      {},
      'maxAliases',
      31,
    ],
    ['directives', `{ __typename ${'@skip(if: false) '.repeat(21)}}`, {}, 'maxDirectives', 21],
  ])(
    'refuses too many %s, naming the limit and what it counted',
    (_, text, limits, limit, measured) => {
      expect(check(text, { limits })).toMatchObject({ kind: 'exceeded', limit, measured });
    },
  );

  it('multiplies cost by list arguments, from literals, variables and defaults', () => {
    const ids = Array.from({ length: 500 }, () => ID);
    const persons = 'query ($ids: [ID!]!) { persons(ids: $ids) { id householdStatus } }';
    expect(check(persons, { variables: { ids } })).toMatchObject({
      kind: 'pass',
      measures: { cost: 1 + 500 * 2 },
    });
    const aliased = `query ($ids: [ID!]!) { ${repeat(14, (i) => `a${i}: persons(ids: $ids) { id name householdStatus }`)} }`;
    expect(check(aliased, { variables: { ids } })).toEqual({
      kind: 'exceeded',
      limit: 'maxCost',
      max: 20000,
      measured: 14 * 1501,
      lowerBound: false,
    });
    // A page's `first` sizes the list inside it; without it the schema's default (50) applies.
    expect(
      check('{ auditEvents(first: 20) { entries { writer seq } pageInfo { hasNextPage } } }'),
    ).toMatchObject({ measures: { cost: 1 + (1 + 20 * 2) + (1 + 1) } });
    expect(check('{ auditEvents { entries { writer } } }')).toMatchObject({
      measures: { cost: 1 + 1 + 50 * 1 },
    });
  });

  it('refuses a list argument larger than maxListSize, however cheap the rest', () => {
    const ids = Array.from({ length: 501 }, () => ID);
    expect(
      check('query ($ids: [ID!]!) { persons(ids: $ids) { __typename } }', { variables: { ids } }),
    ).toEqual({
      kind: 'exceeded',
      limit: 'maxListSize',
      max: 500,
      measured: 501,
      lowerBound: false,
    });
  });

  it('counts a fragment spread many times as often as it is spread, in linear time', () => {
    // 2^20 fields for the operation expanded, and 2^21 - 1 more for the fragments themselves,
    // counted without expanding anything twice.
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`,
    ).join('\n');
    const text = `{ ...F20 }\nfragment F0 on Query { __typename }\n${fragments}`;
    const started = performance.now();
    expect(check(text)).toMatchObject({
      kind: 'exceeded',
      limit: 'maxFields',
      measured: 2 ** 20 + 2 ** 21 - 1,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a fragment that spreads itself before anything walks it', () => {
    expect(check('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')).toEqual({
      kind: 'invalid',
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Cannot spread fragment "A" within itself.',
    });
  });

  it('refuses an unknown operation name, or a missing one among several operations', () => {
    expect(check(PROFILE, { operationName: 'Nope' })).toEqual({
      kind: 'invalid',
      code: 'OPERATION_RESOLUTION_FAILURE',
      message: 'Unknown operation named "Nope".',
    });
    expect(check('query A { __typename } query B { __typename }')).toMatchObject({
      kind: 'invalid',
      code: 'OPERATION_RESOLUTION_FAILURE',
    });
    expect(
      check('query A { __typename } query B { __typename }', { operationName: 'B' }),
    ).toMatchObject({
      kind: 'pass',
    });
  });

  it('refuses control characters in string literals', () => {
    expect(check(`{ person(id: "${ID.slice(0, 17)}\\u0000") { id } }`)).toMatchObject({
      kind: 'invalid',
      code: 'BAD_USER_INPUT',
    });
  });

  it('leaves a document that does not parse to Apollo Server, which names the syntax error', () => {
    expect(check('{ person(id: ')).toEqual({ kind: 'unparsed' });
  });

  it('stops lexing a huge document at a bound, so its refusal costs little', () => {
    const huge = `{ ${repeat(100_000, (i) => `a${i}: __typename`)} }`;
    expect(check(huge)).toEqual({
      kind: 'exceeded',
      limit: 'maxTokens',
      max: 3000,
      measured: 24_000,
      lowerBound: true,
    });
  });
});
