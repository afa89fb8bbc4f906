import { GraphQLError } from 'graphql';
import { enforceResult } from '../enforce-result';
import type { GatewayResult } from '../enforce-result';
import { filterOperation } from '../filter-operation';
import { A, AMR, B, CITIZEN_A, TAX, accessOf } from './support/access-fixture';

const OWNERS = new Map([
  ['Person.tax', 'tax'],
  ['Tax.arrears', 'tax'],
  ['Person.court', 'court'],
  ['Person.name', 'population'],
]);

/** What the subgraphs answered (to the filtered operation) → what the client gets. */
function enforce(source: string, caller = TAX, answer: GatewayResult) {
  const access = accessOf(source, caller);
  const filtered = filterOperation(access);
  return { result: enforceResult(answer, { access, filtered, owners: OWNERS }), access };
}

/** Errors as `path code ruleId field serviceName`. */
function lines(result: GatewayResult): string[] {
  return (result.errors ?? []).map((error) => {
    const { code, ruleId, field, serviceName } = error.extensions ?? {};
    return [error.path?.join('.'), code, ruleId, field, serviceName].join(' ');
  });
}

describe('enforceResult', () => {
  it('answers a removed nullable field null with its FORBIDDEN error, naming the subgraph', () => {
    const { result, access } = enforce(`{ person(id: "${A}") { name court { cases } } }`, TAX, {
      data: { person: { name: '张*' } },
    });
    expect(result.data).toEqual({ person: { name: '张*', court: null } });
    expect(lines(result)).toEqual(['person.court FORBIDDEN default-deny Person.court court']);
    expect(result.errors?.[0].message).toBe(
      'Access to Person.court denied: no rule grants Person.court to officer of TAX for ADMIN_ENFORCEMENT',
    );
    expect(access.record.outcomes()).toEqual({
      returned: ['Query.person'],
      masked: ['Person.name'],
      denied: ['Person.court', 'Court.cases'],
      rules: [
        { field: 'Query.person', outcome: 'returned', ruleId: 'lookup' },
        { field: 'Person.name', outcome: 'masked', ruleId: 'names-masked' },
        { field: 'Person.court', outcome: 'denied', ruleId: 'default-deny' },
        { field: 'Court.cases', outcome: 'denied', ruleId: 'default-deny' },
      ],
    });
  });

  it('nulls the nearest nullable parent of a denied non-null field, each list item its own error', () => {
    const citizen = { ...CITIZEN_A };
    const source = `{ person(id: "${A}") { name tax { level arrears { amount year } } } }`;
    // The citizen may see it all: nothing removed, values kept in order, no error.
    const own = enforce(source, citizen, {
      data: { person: { name: '张三', tax: { level: 'B', arrears: [{ amount: 1, year: 2024 }] } } },
    });
    expect(own.result.errors).toBeUndefined();
    // AMR may see neither the tax nor (masked) more than the name.
    const { result } = enforce(`{ person(id: "${A}") { tax { arrears { amount } } } }`, AMR, {
      data: { person: {} },
    });
    expect(result.data).toEqual({ person: { tax: null } });
    expect(lines(result)).toEqual(['person.tax FORBIDDEN default-deny Person.tax tax']);
  });

  it('propagates the null of a denied non-null root field to all data, siblings still reported', () => {
    const { result } = enforce(
      `{ persons(ids: ["${A}"]) { name } person(id: "${A}") { name } }`,
      { ...TAX, clientType: 'system', roles: [] },
      { data: {} },
    );
    expect(result.data).toBeNull();
    expect(lines(result)).toEqual([
      'persons FORBIDDEN default-deny Query.persons ',
      'person FORBIDDEN default-deny Query.person ',
    ]);
  });

  it('masks what the policy masks, whether or not a subgraph masked it already', () => {
    const answer = (name: string) => ({ data: { person: { name } } });
    const source = `{ person(id: "${A}") { name } }`;
    expect(enforce(source, TAX, answer('张三丰')).result.data).toEqual({
      person: { name: '张**' },
    });
    expect(enforce(source, TAX, answer('张**')).result.data).toEqual({ person: { name: '张**' } });
  });

  it('decides fields whose subject only the answer tells per object, and hides the key it fetched', () => {
    const source = `{ person(id: "${A}") { enterprises { name legalRepresentative { name } } } }`;
    const { result, access } = enforce(source, CITIZEN_A, {
      data: {
        person: {
          enterprises: [
            { name: '甲', legalRepresentative: { name: '张三', _cfSubject: A } },
            { name: '乙', legalRepresentative: { name: '李四', _cfSubject: B } },
          ],
        },
      },
    });
    expect(result.data).toEqual({
      person: {
        enterprises: [
          { name: '甲', legalRepresentative: { name: '张三' } },
          { name: '乙', legalRepresentative: { name: null } },
        ],
      },
    });
    expect(lines(result)).toEqual([
      'person.enterprises.1.legalRepresentative.name FORBIDDEN citizen-self Person.name population',
    ]);
    expect(access.record.outcomes().rules.filter((rule) => rule.outcome === 'denied')).toEqual([
      { field: 'Person.name', outcome: 'denied', ruleId: 'citizen-self' },
    ]);
  });

  it("drops a subgraph's errors on what the gateway added or answered itself, keeps the rest", () => {
    const source = `{ person(id: "${A}") { enterprises { legalRepresentative { name } } court { cases } } }`;
    const subgraph = (path: (string | number)[], code: string) =>
      new GraphQLError('from a subgraph', { path, extensions: { code } });
    const { result } = enforce(source, CITIZEN_A, {
      data: {
        person: {
          enterprises: [{ legalRepresentative: { name: null, _cfSubject: B } }],
          court: null,
        },
      },
      errors: [
        subgraph(['person', 'enterprises', 0, 'legalRepresentative', '_cfSubject'], 'FORBIDDEN'),
        subgraph(['person', 'enterprises', 0, 'legalRepresentative', 'name'], 'FORBIDDEN'),
        subgraph(['person', 'court'], 'INTERNAL_SERVER_ERROR'),
      ],
    });
    expect(lines(result)).toEqual([
      'person.court INTERNAL_SERVER_ERROR   ',
      'person.enterprises.0.legalRepresentative.name FORBIDDEN citizen-self Person.name population',
    ]);
  });

  it('leaves an answer without data as it is', () => {
    const failed = { errors: [new GraphQLError('planning failed')] };
    expect(enforce(`{ person(id: "${A}") { court { cases } } }`, TAX, failed).result).toBe(failed);
  });
});
