import { GraphQLError } from 'graphql';
import { resolvedRootSubject } from '../../lib/subjects/root-field-subject';
import { referenceKey } from '../../lib/subjects/subject-reference';
import type { SubjectReference } from '../../lib/subjects/subject-reference';
import type { FieldSubject } from '../../lib/policy/types';
import type { OperationAnalysis } from './operation-analysis';

/** Whose data each reference names, in order (the gateway's subject lookup). */
export type ReferenceLookup = (
  references: readonly SubjectReference[],
  requestId: string,
) => Promise<FieldSubject[]>;

/**
 * Resolves the data the operation's root fields name by id (one lookup for all of them, none
 * when there are none) and sets each root's subject. Fails closed: when the lookup fails, every
 * such root is `unresolved` (deny rules on it refuse) and the response carries a
 * `SUBJECTS_UNAVAILABLE` error.
 */
export async function resolveReferences(
  analysis: OperationAnalysis,
  lookup: ReferenceLookup,
  requestId: string,
): Promise<GraphQLError[]> {
  const entries = analysis.rootEntries.filter((entry) => entry.subject.reference);
  if (entries.length === 0) return [];
  const distinct = new Map<string, SubjectReference>();
  for (const entry of entries) {
    const reference = entry.subject.reference as SubjectReference;
    distinct.set(referenceKey(reference), reference);
  }
  const references = [...distinct.values()];
  let found: Map<string, FieldSubject>;
  try {
    const subjects = await lookup(references, requestId);
    found = new Map(references.map((reference, i) => [referenceKey(reference), subjects[i]]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const entry of entries) {
      entry.resolved = resolvedRootSubject(entry.subject, {
        unresolved: 'whose data the id names could not be checked',
      });
    }
    return [
      new GraphQLError(
        'Whose data the ids of this operation name could not be checked, so nothing that depends on it is done. Try again later.',
        { extensions: { code: 'SUBJECTS_UNAVAILABLE', reason } },
      ),
    ];
  }
  for (const entry of entries) {
    const reference = entry.subject.reference as SubjectReference;
    entry.resolved = resolvedRootSubject(entry.subject, found.get(referenceKey(reference)));
  }
  return [];
}
