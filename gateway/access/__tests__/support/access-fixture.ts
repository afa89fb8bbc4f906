import { buildSchema, parse } from 'graphql';
import type { Caller } from '../../../../lib/auth/caller';
import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { parsePolicy } from '../../../../lib/policy/parse-policy';
import { analyzeOperation } from '../../analyze-operation';
import { decideOperation } from '../../decide-operation';
import type { OperationAccess } from '../../decide-operation';

/** A small schema in the shape of the supergraph: persons, their tax, enterprises, mutations. */
export const SCHEMA = buildSchema(`
  type Query {
    person(id: ID!): Person
    persons(ids: [ID!]!): [Person]!
    enterprise(uscc: ID!): Enterprise
    checks: [Check!]!
  }
  type Mutation {
    fileObjection(recordId: ID!): Objection!
    note(text: String!): String
  }
  type Person { id: ID! name: String tax: Tax court: Court enterprises: [Enterprise!]! }
  type Tax { level: String arrears: [Arrear!]! }
  type Arrear { amount: Float! year: Int }
  type Court { cases: [String!]! }
  type Enterprise { uscc: ID! name: String legalRepresentative: Person }
  type Check { id: ID! personId: ID! dept: String }
  type Objection { id: ID! status: String! }
`);

export const A = makeCitizenId('511921', '19850315', 101);
export const B = makeCitizenId('511921', '19900101', 11);

export const POLICY = parsePolicy(
  `
format: 1
identityFields: [Person.id]
rules:
  - id: lookup
    description: Officers look persons up.
    fields: [Query.person, Query.persons, Query.enterprise, Query.checks]
    when: { clientType: [officer] }
    effect: allow
  - id: tax-own
    description: TAX sees its own domain.
    fields: [Person.tax, Tax.*, Arrear.*]
    when: { dept: [TAX] }
    effect: allow
  - id: names-masked
    description: Officers see masked names.
    fields: [Person.name]
    when: { clientType: [officer] }
    effect: mask:name
  - id: enterprises
    description: Officers see enterprises.
    fields: [Person.enterprises, Enterprise.*, Check.*]
    when: { clientType: [officer] }
    effect: allow
  - id: citizen-self
    description: A citizen sees their own record.
    fields: [Query.person, Person.*, Tax.*, Arrear.*, Enterprise.*]
    when: { clientType: [citizen], subject: self }
    effect: allow
  - id: citizens-object
    description: Citizens object.
    fields: [Mutation.fileObjection, Objection.*]
    when: { clientType: [citizen] }
    effect: allow
  - id: own-records-only
    description: Only their own records.
    fields: [Mutation.fileObjection]
    when: { clientType: [citizen], subject: another-person }
    effect: deny
  - id: notes
    description: Anyone notes.
    fields: [Mutation.note]
    when: { clientType: [citizen, officer] }
    effect: allow
`,
  'fixture.yaml',
);

export const TAX: Caller = {
  sub: 'tax-1',
  dept: 'TAX',
  clientType: 'officer',
  roles: ['officer'],
  purpose: 'ADMIN_ENFORCEMENT',
  caseRef: 'C-1',
};

export const AMR: Caller = { ...TAX, sub: 'amr-1', dept: 'AMR' };

export const CITIZEN_A: Caller = {
  sub: 'citizen-a',
  clientType: 'citizen',
  personId: A,
  roles: [],
  purpose: 'SELF_QUERY',
};

/** Analyses and decides `source` for `caller` (references left as the analysis found them). */
export function accessOf(
  source: string,
  caller: Caller,
  variables: Record<string, unknown> = {},
): OperationAccess {
  const analysis = analyzeOperation({ schema: SCHEMA, document: parse(source), variables, caller });
  return decideOperation(analysis, caller, POLICY, new Date('2026-01-01T00:00:00Z'));
}
