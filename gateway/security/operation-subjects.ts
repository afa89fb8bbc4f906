import type { DocumentNode } from 'graphql';
import { Kind, valueFromASTUntyped, visit } from 'graphql';
import { validateCitizenId } from '../../lib/ids/citizen-id';

/** Arguments that name the persons an operation is about (`person(id)`, `persons(ids)`, ...). */
const SUBJECT_ARGUMENTS: ReadonlySet<string> = new Set(['id', 'ids', 'personId', 'personIds']);

/**
 * The citizen ids an operation names in its `id`, `ids`, `personId` and `personIds` arguments
 * (literals or variables, in every operation and fragment of the document), normalized, without
 * duplicates, sorted. Values that are not valid citizen ids (an enterprise's code, a consent's
 * UUID) are skipped: they are nobody's consent to look up, and the subgraph refuses them anyway.
 */
export function operationSubjects(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
): string[] {
  const subjects = new Set<string>();
  const add = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(add);
      return;
    }
    const id = validateCitizenId(value);
    if (id.ok) subjects.add(id.value);
  };
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (SUBJECT_ARGUMENTS.has(node.name.value)) add(valueFromASTUntyped(node.value, variables));
    },
  });
  return [...subjects].sort();
}
