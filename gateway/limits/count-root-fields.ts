import { Kind } from 'graphql';
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { fragmentIndex } from './fragment-index';

/**
 * The field selections at the root of `operation`, through inline fragments and fragment spreads
 * at that level: each is at least one fetch from a subgraph. The document must be free of
 * fragment cycles.
 */
export function countRootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): number {
  const fragments = fragmentIndex(document);
  const count = (set: SelectionSetNode): number => {
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields += count(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) fields += count(fragment.selectionSet);
      }
    }
    return fields;
  };
  return count(operation.selectionSet);
}
