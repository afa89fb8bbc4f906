import type { OperationAnalysis } from './operation-analysis';

/**
 * The persons an operation is about, by the rules of lib/subjects: those its root fields name
 * (person arguments, the calling citizen, the persons of data named by id once resolved),
 * normalized, without duplicates, sorted. The consent lookup asks for these and the audit record
 * names them: one list, so the two cannot disagree.
 */
export function operationSubjects(analysis: OperationAnalysis): string[] {
  const subjects = new Set<string>();
  for (const entry of analysis.rootEntries) {
    for (const id of entry.subject.personIds) subjects.add(id);
    if (entry.resolved.personId !== undefined) subjects.add(entry.resolved.personId);
  }
  return [...subjects].sort();
}
