import { buildSchema } from 'graphql';
import type { GraphQLObjectType } from 'graphql';
import { resolvedRootSubject, rootFieldSubject } from '../root-field-subject';
import { subjectPersonId } from '../subject-person-id';
import { subjectKeyOf, subjectSource } from '../subject-source';

const A = '511921198503121233';
const B = '51192119900101001X';
const citizen = { clientType: 'citizen' as const, personId: A };

const query = (fieldName: string, returnTypeName: string) => ({
  typeName: 'Query',
  fieldName,
  returnTypeName,
});
const mutation = (fieldName: string, returnTypeName: string) => ({
  typeName: 'Mutation',
  fieldName,
  returnTypeName,
});

describe('subjectPersonId', () => {
  it('is the normalized citizen id, or nothing for anything else', () => {
    expect(
      ['  51192119900101001x ', A, 'not-an-id', 42, '91511921MA6X4R0018'].map(subjectPersonId),
    ).toEqual([B, A, undefined, undefined, undefined]);
  });
});

describe('rootFieldSubject', () => {
  it('person(id): the person, by the one normalization', () => {
    expect(rootFieldSubject(query('person', 'Person'), { id: B.toLowerCase() })).toEqual({
      personIds: [B],
      personId: B,
    });
  });

  it('an id argument of a field that does not return a Person names nobody', () => {
    expect(rootFieldSubject(query('enterprise', 'Enterprise'), { id: A })).toEqual({
      personIds: [],
    });
  });

  it('personId names the person whatever the field returns', () => {
    expect(
      rootFieldSubject(query('jointMeasures', 'JointMeasures'), { personId: A, matter: 'X' }),
    ).toEqual({ personIds: [A], personId: A });
  });

  it('lists name many persons and no single one; invalid ids name nobody', () => {
    expect(rootFieldSubject(query('persons', 'Person'), { ids: [A, 'bad', B, A] })).toEqual({
      personIds: [A, B],
    });
    expect(
      rootFieldSubject(query('activeConsentsForOrg', 'ConsentGrantEntry'), { personIds: [B] }),
    ).toEqual({ personIds: [B] });
  });

  it('a field acting on the caller is about the calling citizen, and nobody for others', () => {
    expect(rootFieldSubject(query('myAccessLog', 'AccessLogConnection'), {}, citizen)).toEqual({
      personIds: [A],
      personId: A,
    });
    expect(
      rootFieldSubject(mutation('grantConsent', 'Consent'), {}, { clientType: 'officer' }),
    ).toEqual({ personIds: [] });
  });

  it('an argument naming data by id carries the reference, trimmed', () => {
    expect(
      rootFieldSubject(mutation('decideObjection', 'CreditObjection'), { objectionId: ' o-1 ' }),
    ).toEqual({
      personIds: [],
      reference: { kind: 'OBJECTION', id: 'o-1' },
    });
    expect(
      rootFieldSubject(mutation('recordGoodConduct', 'CreditRecord'), { personId: A, kind: 'X' }),
    ).toEqual({ personIds: [A], personId: A, reference: { kind: 'CATALOG_ITEM', id: 'X' } });
  });

  it('a missing, non-string or oversized id is an empty reference (it resolves to nothing)', () => {
    for (const recordId of [undefined, 7, 'x'.repeat(201)]) {
      expect(rootFieldSubject(mutation('fileObjection', 'CreditObjection'), { recordId })).toEqual({
        personIds: [],
        reference: { kind: 'CREDIT_RECORD', id: '' },
      });
    }
  });
});

describe('resolvedRootSubject', () => {
  it('takes the person of the argument, else of the reference, and the reference department', () => {
    expect(resolvedRootSubject({ personIds: [A], personId: A }, { dept: 'CIVIL' })).toEqual({
      personId: A,
      dept: 'CIVIL',
    });
    expect(resolvedRootSubject({ personIds: [] }, { personId: B, dept: 'AMR' })).toEqual({
      personId: B,
      dept: 'AMR',
    });
    expect(resolvedRootSubject({ personIds: [] }, { unresolved: 'no objection o-1' })).toEqual({
      unresolved: 'no objection o-1',
    });
    expect(resolvedRootSubject({ personIds: [] })).toEqual({});
  });
});

describe('subjectSource', () => {
  const schema = buildSchema(`
    type Query { person(id: ID!): Person }
    type Person { id: ID! name: String }
    type Check { id: ID! personId: ID! }
    type Tax { amount: Float }
    type Odd { personId: Int }
  `);
  const type = (name: string) => schema.getType(name) as GraphQLObjectType;

  it('follows the rules in order: root, result of a one-subject root, value, inherited', () => {
    const at = (isRoot: boolean, parentIsResultOfSingleSubjectRoot: boolean) => ({
      isRoot,
      parentIsResultOfSingleSubjectRoot,
    });
    expect(subjectSource(type('Query'), at(true, false))).toEqual({ from: 'root' });
    expect(subjectSource(type('Person'), at(false, true))).toEqual({ from: 'root-result' });
    expect(subjectSource(type('Person'), at(false, false))).toEqual({ from: 'value', key: 'id' });
    expect(subjectSource(type('Check'), at(false, false))).toEqual({
      from: 'value',
      key: 'personId',
    });
    expect(subjectSource(type('Tax'), at(false, false))).toEqual({ from: 'inherited' });
  });

  it('reads a subject only from an id-typed personId', () => {
    expect(subjectKeyOf(type('Odd'))).toBeUndefined();
  });
});
