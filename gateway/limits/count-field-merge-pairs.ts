import { Kind } from 'graphql';
import type { DocumentNode, FieldNode, SelectionSetNode } from 'graphql';
import { fragmentIndex } from './fragment-index';

/**
 * Counts the pairs of fields that graphql-js's OverlappingFieldsCanBeMerged rule compares: in
 * each selection set (fragments expanded), every two fields with the same response key, and
 * again in the merged sub-selections of each such group, for every operation and fragment
 * definition. The rule's time and memory grow with this number (quadratically with the fields
 * sharing one key), so it is bounded before validation runs. Stops counting once past `cap`.
 * The document must be free of fragment cycles (countExpandedFields finds them).
 */
export function countFieldMergePairs(document: DocumentNode, cap: number): number {
  const fragments = fragmentIndex(document);

  const pairsOf = (sets: readonly SelectionSetNode[], sofar: number): number => {
    const groups = new Map<string, FieldNode[]>();
    const spread = new Set<string>();
    const collect = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const group = groups.get(key);
          if (group) group.push(selection);
          else groups.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet);
        } else if (!spread.has(selection.name.value)) {
          // graphql-js collects a fragment once per selection set, however often it is spread.
          spread.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet);
        }
      }
    };
    sets.forEach(collect);
    let pairs = sofar;
    for (const group of groups.values()) {
      pairs += (group.length * (group.length - 1)) / 2;
      if (pairs > cap) return pairs;
      const below = group.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
      if (below.length > 0) pairs = pairsOf(below, pairs);
      if (pairs > cap) return pairs;
    }
    return pairs;
  };

  let pairs = 0;
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    ) {
      pairs = pairsOf([definition.selectionSet], pairs);
      if (pairs > cap) return pairs;
    }
  }
  return pairs;
}
