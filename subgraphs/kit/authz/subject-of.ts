/**
 * Whose data a field is, inside a subgraph, by the rules of the one subject module
 * (lib/subjects: rootFieldSubject and subjectSource), which the gateway applies to the same
 * operation before planning, so both decide every field for the same subject.
 *
 * Contract for department subgraph authors — nothing to do in the common case:
 * 1. A root field is about its person arguments (`personId`, `id` when it returns a Person), the
 *    calling citizen for a field acting on the caller's own person, or the data one of its
 *    arguments names by id (lib/subjects/subject-reference.ts), which the subgraph holding that
 *    data resolves (`SubgraphParts.resolveSubjectReference`).
 * 2. What such a root field returns is about the same subject, however deep.
 * 3. Elsewhere a Person is about its `id`, and an object of a type with a `personId` field about
 *    that field: the resolver must return the citizen id under that name (items of a list about
 *    many persons, a Person reached through an enterprise, `_entities` representations).
 * 4. Otherwise a field inherits the subject of its nearest ancestor that had one.
 *
 * Rule 4 follows graphql-js execution paths: `info.path` objects are created once per field
 * execution and shared by the children, so a WeakMap keyed by them carries the subject down
 * without touching resolver return values (which may be shared or frozen objects).
 */
import { getNamedType } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Caller } from '../../../lib/auth/caller';
import type { FieldSubject } from '../../../lib/policy/types';
import { resolvedRootSubject, rootFieldSubject } from '../../../lib/subjects/root-field-subject';
import { subjectPersonId } from '../../../lib/subjects/subject-person-id';
import type { SubjectReference } from '../../../lib/subjects/subject-reference';
import { subjectSource } from '../../../lib/subjects/subject-source';

type Path = GraphQLResolveInfo['path'];

/**
 * Resolves data named by id to whose it is: the person and department it belongs to, or
 * `unresolved` with why when the id names nothing this subgraph holds. `context` is the request
 * context (its loaders). Must not throw for a missing id.
 */
export type SubjectReferenceResolver = (
  reference: SubjectReference,
  context: unknown,
) => Promise<FieldSubject>;

/** The subject of one field execution (see the file comment). */
export type SubjectOf = (
  parent: unknown,
  args: Readonly<Record<string, unknown>>,
  info: GraphQLResolveInfo,
  caller: Caller | undefined,
  context: unknown,
) => Promise<FieldSubject>;

/** `subjectOf` for one schema; references are resolved with `resolveReference`. */
export function createSubjectOf(resolveReference?: SubjectReferenceResolver): SubjectOf {
  // The subject of the object(s) a path holds, for the fields below to inherit.
  const subjectByPath = new WeakMap<Path, FieldSubject>();
  // Root fields with one subject: what they return is about it (rule 2).
  const singleSubjectRoots = new WeakSet<Path>();

  return async (parent, args, info, caller, context) => {
    const above = info.path.prev;
    if (above === undefined) {
      const root = rootFieldSubject(
        {
          typeName: info.parentType.name,
          fieldName: info.fieldName,
          returnTypeName: getNamedType(info.returnType).name,
        },
        args,
        caller,
      );
      const resolved = root.reference
        ? resolveReference
          ? await resolveReference(root.reference, context)
          : { unresolved: `this subgraph cannot tell whose ${root.reference.kind} is` }
        : undefined;
      const subject = resolvedRootSubject(root, resolved);
      if (root.personId !== undefined || root.reference !== undefined) {
        singleSubjectRoots.add(info.path);
        subjectByPath.set(info.path, subject);
      }
      return subject;
    }
    const source = subjectSource(info.parentType, {
      isRoot: false,
      parentIsResultOfSingleSubjectRoot: singleSubjectRoots.has(fieldPathOf(above)),
    });
    if (source.from === 'value') {
      const personId = subjectPersonId(ownProperty(parent, source.key));
      const subject: FieldSubject = personId === undefined ? {} : { personId };
      subjectByPath.set(above, subject);
      return subject;
    }
    for (let path: Path | undefined = above; path; path = path.prev) {
      const subject = subjectByPath.get(path);
      if (subject !== undefined) return subject;
    }
    return {};
  };
}

/** The path of the field whose value holds the object at `path` (list indices skipped). */
function fieldPathOf(path: Path): Path {
  let current = path;
  while (typeof current.key === 'number' && current.prev) current = current.prev;
  return current;
}

function ownProperty(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}
