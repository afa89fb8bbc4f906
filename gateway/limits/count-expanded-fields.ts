import { Kind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { fragmentIndex } from './fragment-index';

/** The field selections of a document with its fragment spreads expanded. */
export interface ExpandedFields {
  /** Summed over every operation and fragment definition. */
  fields: number;
  /** A fragment that spreads itself (directly or not), which no operation could expand. */
  cycle?: string;
}

/**
 * Counts every field selection of every definition (operations and fragments) as if each
 * fragment spread were replaced by the fragment's fields, the size graphql-js validation and
 * planning walk. Each fragment is counted once and its count reused, so the work is linear in
 * the document however often fragments are spread.
 */
export function countExpandedFields(document: DocumentNode): ExpandedFields {
  const fragments = fragmentIndex(document);
  const counted = new Map<string, number>();
  const open = new Set<string>();
  let cycle: string | undefined;

  const fragmentCount = (fragment: FragmentDefinitionNode): number => {
    const name = fragment.name.value;
    const known = counted.get(name);
    if (known !== undefined) return known;
    if (open.has(name)) {
      cycle ??= name;
      return 0;
    }
    open.add(name);
    const count = setCount(fragment.selectionSet);
    open.delete(name);
    counted.set(name, count);
    return count;
  };

  const setCount = (set: SelectionSetNode): number => {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        count += 1 + (selection.selectionSet ? setCount(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += setCount(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) count += fragmentCount(fragment);
      }
    }
    return count;
  };

  let fields = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) fields += setCount(definition.selectionSet);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fields += fragmentCount(definition);
  }
  return cycle === undefined ? { fields } : { fields, cycle };
}
