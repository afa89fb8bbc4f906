import type { GraphQLObjectType } from 'graphql';
import { getNamedType } from 'graphql';
import { PERSON_TYPE } from './root-field-subject';

/**
 * Where the subject of a field comes from, by its position in the response. The gateway (walking
 * the operation) and each subgraph shield (resolving it) apply exactly these rules, so both
 * decide a field for the same person:
 * - `root`: the field is a root field: its own arguments, caller or reference (rootFieldSubject);
 * - `root-result`: its parent object is the value (or a list item) of a root field that has one
 *   subject: that subject (`person(id)` → Person, `fileObjection(recordId)` → CreditObjection);
 * - `value`: its parent object carries its subject: a Person its `id`, an object of a type with
 *   a `personId` field that field (a Person reached through an enterprise, items of a list about
 *   many persons);
 * - `inherited`: the subject of the parent object's own field, and so on up.
 */
export type SubjectSource =
  | { from: 'root' }
  | { from: 'root-result' }
  | { from: 'value'; key: 'id' | 'personId' }
  | { from: 'inherited' };

/** Where the subject of a field of `parentType` comes from (see SubjectSource). */
export function subjectSource(
  parentType: GraphQLObjectType,
  position: { isRoot: boolean; parentIsResultOfSingleSubjectRoot: boolean },
): SubjectSource {
  if (position.isRoot) return { from: 'root' };
  if (position.parentIsResultOfSingleSubjectRoot) return { from: 'root-result' };
  const key = subjectKeyOf(parentType);
  return key ? { from: 'value', key } : { from: 'inherited' };
}

/** The field of an object of `type` that names its subject: `id` of a Person, else `personId`. */
export function subjectKeyOf(type: GraphQLObjectType): 'id' | 'personId' | undefined {
  if (type.name === PERSON_TYPE) return 'id';
  const field = type.getFields().personId;
  if (!field) return undefined;
  const named = getNamedType(field.type).name;
  return named === 'ID' || named === 'String' ? 'personId' : undefined;
}
