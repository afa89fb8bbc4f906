import type { Department } from '../auth/caller';
import { ALL_DECISION_KINDS } from './all-decision-kinds';
import type { DecisionKind } from './decision-kind';

/** The kind `kind` of department `dept` (or of subgraph `dept` in lower case); undefined if none. */
export function findDecisionKind(
  dept: Department | string,
  kind: string,
): DecisionKind | undefined {
  return ALL_DECISION_KINDS.find(
    (candidate) =>
      (candidate.dept === dept || candidate.subgraph === dept) && candidate.kind === kind,
  );
}
