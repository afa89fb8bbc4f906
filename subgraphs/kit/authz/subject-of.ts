/**
 * Which person a field's data is about, for the policy's `subject: self | consented` conditions.
 *
 * Contract for department subgraph authors — nothing to do in the common case:
 * 1. A field of `Person` is about `parent.id` (the entity key; `__resolveReference` and every
 *    resolver returning a Person must return an object with the citizen id in `id`).
 * 2. A root field (`Query`/`Mutation`) is about its `personId` argument, or its `id` argument
 *    when it returns `Person` (`person(id)`, `jointMeasures(personId, ...)`).
 * 3. A parent object carrying a string `personId` is about that person: objects NOT reached
 *    through a Person or a root field with a person argument must carry it (e.g. items of a root
 *    list covering many people), or subject conditions fail and the field is denied.
 * 4. Otherwise a field inherits the subject of its nearest ancestor in the response that had
 *    one: everything under `Person.tax`, `Person.creditProfile`, ... is about that person with
 *    no `personId` needed, however deep, lists included.
 *
 * Rule 4 follows graphql-js execution paths: `info.path` objects are created once per field
 * execution and shared by the children, so a WeakMap keyed by them carries the subject down
 * without touching resolver return values (which may be shared or frozen objects).
 */
import { getNamedType } from 'graphql';
import type { GraphQLResolveInfo } from 'graphql';

type Path = GraphQLResolveInfo['path'];

/** The entity type whose key is the subject's citizen id. */
export const SUBJECT_TYPE = 'Person';

const subjectByPath = new WeakMap<Path, string>();

/** The citizen id the field at `info` is about, or undefined when unknown. */
export function subjectOf(
  parent: unknown,
  args: Readonly<Record<string, unknown>>,
  info: GraphQLResolveInfo,
): string | undefined {
  const above = info.path.prev;
  if (info.parentType.name === SUBJECT_TYPE) return remember(above, ownString(parent, 'id'));
  if (above === undefined) {
    const personArg =
      args.personId ?? (getNamedType(info.returnType).name === SUBJECT_TYPE ? args.id : undefined);
    return remember(info.path, typeof personArg === 'string' ? normalizeId(personArg) : undefined);
  }
  const own = ownString(parent, 'personId');
  if (own !== undefined) return remember(above, own);
  for (let path: Path | undefined = above; path; path = path.prev) {
    const subject = subjectByPath.get(path);
    if (subject !== undefined) return subject;
  }
  return undefined;
}

function remember(path: Path | undefined, subject: string | undefined): string | undefined {
  if (path !== undefined && subject !== undefined) subjectByPath.set(path, subject);
  return subject;
}

function ownString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}

/** Same normalization as the id validator (trim, ASCII upper case), so `...x` matches `...X`. */
function normalizeId(id: string): string {
  return id.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
}
