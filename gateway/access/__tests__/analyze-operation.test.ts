import { parse } from 'graphql';
import { analyzeOperation } from '../analyze-operation';
import type { FieldInstance } from '../operation-analysis';
import { A, B, CITIZEN_A, SCHEMA, TAX } from './support/access-fixture';

function analyze(source: string, variables: Record<string, unknown> = {}, maxFields?: number) {
  return analyzeOperation({
    schema: SCHEMA,
    document: parse(source),
    variables,
    caller: TAX,
    maxFields,
  });
}

/** `path: Type.field <- subject source` of every field, depth first. */
function lines(fields: readonly FieldInstance[]): string[] {
  return fields.map((field) => {
    const { subject } = field;
    const from =
      subject.from === 'root'
        ? `root ${subject.root.instance.path.join('.')}`
        : subject.from === 'value'
          ? `${subject.key} of ${subject.holder.path.join('.')}`
          : 'none';
    return `${field.path.join('.')}: ${field.key} <- ${from}`;
  });
}

describe('analyzeOperation', () => {
  it('walks the operation as it executes: fragments expanded, one field per response key', () => {
    const analysis = analyze(
      `query Q($skip: Boolean!) {
        p: person(id: "${A}") { name ...Tax ... on Person { tax { arrears { amount } } } court @skip(if: $skip) { cases } }
      }
      fragment Tax on Person { name tax { level } }`,
      { skip: true },
    );
    expect(lines(analysis.fields)).toEqual([
      'p: Query.person <- root p',
      'p.name: Person.name <- root p',
      'p.tax: Person.tax <- root p',
      'p.tax.level: Tax.level <- root p',
      'p.tax.arrears: Tax.arrears <- root p',
      'p.tax.arrears.amount: Arrear.amount <- root p',
    ]);
    expect(analysis.fields[1].nodes).toHaveLength(2);
    expect(analysis.touchesPersonData).toBe(true);
    expect(analysis.introspection).toBe(false);
  });

  it('takes each subject where lib/subjects says: root, the data of another Person, a personId', () => {
    const analysis = analyze(`{
      person(id: "${A}") { enterprises { legalRepresentative { name tax { level } } } }
      persons(ids: ["${A}", "${B}"]) { name }
      checks { dept }
      enterprise(uscc: "X") { name }
    }`);
    expect(lines(analysis.fields)).toEqual([
      'person: Query.person <- root person',
      'person.enterprises: Person.enterprises <- root person',
      'person.enterprises.legalRepresentative: Enterprise.legalRepresentative <- root person',
      'person.enterprises.legalRepresentative.name: Person.name <- id of person.enterprises.legalRepresentative',
      'person.enterprises.legalRepresentative.tax: Person.tax <- id of person.enterprises.legalRepresentative',
      'person.enterprises.legalRepresentative.tax.level: Tax.level <- id of person.enterprises.legalRepresentative',
      'persons: Query.persons <- root persons',
      'persons.name: Person.name <- id of persons',
      'checks: Query.checks <- root checks',
      'checks.dept: Check.dept <- personId of checks',
      'enterprise: Query.enterprise <- root enterprise',
      'enterprise.name: Enterprise.name <- none',
    ]);
    expect(analysis.rootEntries.map((entry) => [entry.single, entry.subject.personIds])).toEqual([
      [true, [A]],
      [false, [A, B]],
      [false, []],
      [false, []],
    ]);
  });

  it('reads arguments through the declared variable types and the one id normalization', () => {
    const lower = B.toLowerCase();
    const analysis = analyze('query ($id: ID!) { person(id: $id) { name } }', { id: lower });
    expect(analysis.rootEntries[0].resolved).toEqual({ personId: B });
    expect(analysis.variables).toEqual({ id: lower });
  });

  it('knows the calling citizen is the subject of a field acting on their own person', () => {
    const analysis = analyzeOperation({
      schema: SCHEMA,
      document: parse(`mutation { fileObjection(recordId: " R-1 ") { status } }`),
      caller: CITIZEN_A,
    });
    expect(analysis.rootEntries[0].subject).toEqual({
      personIds: [],
      reference: { kind: 'CREDIT_RECORD', id: 'R-1' },
    });
  });

  it('refuses variables that do not fit their types, before anything is decided', () => {
    expect(() => analyze('query ($id: ID!) { person(id: $id) { name } }', {})).toThrow(
      expect.objectContaining({
        message: 'Variable "$id" of required type "ID!" was not provided.',
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      }),
    );
  });

  it('refuses an operation expanding to more fields than the bound, naming it', () => {
    const source = `{ person(id: "${A}") { ...F ...F } } fragment F on Person { name tax { level } }`;
    expect(analyze(source).fields).toHaveLength(4);
    expect(() => analyze(source, {}, 3)).toThrow(
      expect.objectContaining({
        extensions: { code: 'TOO_MANY_FIELDS', max: 3, http: { status: 400 } },
      }),
    );
  });

  it('flags introspection and leaves meta fields to no subject', () => {
    const analysis = analyze('{ __typename __schema { queryType { name } } }');
    expect(analysis.introspection).toBe(true);
    expect(analysis.fields.map((field) => [field.key, field.meta])).toEqual([
      ['Query.__typename', true],
      ['Query.__schema', true],
    ]);
  });
});
