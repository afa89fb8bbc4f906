import type { Caller } from '../auth/caller';
import type { FieldSubject } from '../policy/types';
import { subjectPersonId } from './subject-person-id';
import {
  CALLER_OWN_FIELDS,
  MAX_REFERENCE_ID_LENGTH,
  REFERENCE_ARGUMENTS,
} from './subject-reference';
import type { SubjectReference } from './subject-reference';

/** The entity type whose key is a citizen id. */
export const PERSON_TYPE = 'Person';

/** What a root field (Query or Mutation) says about whose data it reads or changes. */
export interface RootFieldSubject {
  /** Every person its arguments name (`personId`, `id` of a Person, `ids`, `personIds`), in order. */
  personIds: string[];
  /**
   * The one person the field and everything it returns is about: its `personId` argument, its
   * `id` argument when it returns a Person, or the calling citizen for a field that acts on the
   * caller's own person. Undefined for a field about many persons (or none).
   */
  personId?: string;
  /** Data an argument names by id, to be resolved by the subgraph holding it. */
  reference?: SubjectReference;
}

/** A root field as the subject rules see it. */
export interface RootField {
  /** `Query` or `Mutation`. */
  typeName: string;
  fieldName: string;
  /** Name of the type it returns, lists and non-null unwrapped. */
  returnTypeName: string;
}

/**
 * The subject of root field `field` called with `args` (variables already substituted) by
 * `caller`. The rules, the same for the gateway and every subgraph shield:
 * 1. argument `personId` names the person; so does `id` when the field returns a Person;
 * 2. list arguments `personIds` (and `ids` of a Person list) name many persons: each returned
 *    object is then about its own person (see subjectSource);
 * 3. a field that acts on the caller's own person (CALLER_OWN_FIELDS) is about the caller;
 * 4. a field whose argument names data by id (REFERENCE_ARGUMENTS) carries that reference.
 * Person ids are normalized by subjectPersonId; an invalid one names nobody.
 */
export function rootFieldSubject(
  field: RootField,
  args: Readonly<Record<string, unknown>>,
  caller?: Pick<Caller, 'clientType' | 'personId'>,
): RootFieldSubject {
  const key = `${field.typeName}.${field.fieldName}`;
  const returnsPerson = field.returnTypeName === PERSON_TYPE;
  const single =
    subjectPersonId(args.personId) ?? (returnsPerson ? subjectPersonId(args.id) : undefined);
  const many = [args.personIds, returnsPerson ? args.ids : undefined].flatMap((list) =>
    Array.isArray(list) ? list.map(subjectPersonId) : [],
  );
  const own =
    CALLER_OWN_FIELDS.has(key) && caller?.clientType === 'citizen' ? caller.personId : undefined;
  const personId = single ?? own;
  const personIds = [...new Set([...(personId === undefined ? [] : [personId]), ...many])].filter(
    (id): id is string => id !== undefined,
  );
  const argument = REFERENCE_ARGUMENTS.get(key);
  const reference = argument && {
    kind: argument.kind,
    id: referenceId(args[argument.argument]),
  };
  return {
    personIds,
    ...(personId !== undefined && { personId }),
    ...(reference && { reference }),
  };
}

function referenceId(value: unknown): string {
  const id = typeof value === 'string' ? value.trim() : '';
  return id.length > MAX_REFERENCE_ID_LENGTH ? '' : id;
}

/**
 * The subject of a root field and everything below it, once its reference (if any) is resolved:
 * a person named by argument wins over the reference's person (they agree for every field of
 * REFERENCE_ARGUMENTS that has both); the department and `unresolved` come from the reference.
 */
export function resolvedRootSubject(root: RootFieldSubject, resolved?: FieldSubject): FieldSubject {
  const personId = root.personId ?? resolved?.personId;
  return {
    ...(personId !== undefined && { personId }),
    ...(resolved?.dept !== undefined && { dept: resolved.dept }),
    ...(resolved?.unresolved !== undefined && { unresolved: resolved.unresolved }),
  };
}
