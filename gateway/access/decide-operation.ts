import type { Caller } from '../../lib/auth/caller';
import { dependsOnSubject } from '../../lib/policy/depends-on-subject';
import { evaluateField } from '../../lib/policy/evaluate-field';
import type { FieldDecision, FieldSubject, Policy } from '../../lib/policy/types';
import { AccessRecord } from './access-record';
import type { FieldInstance, OperationAnalysis } from './operation-analysis';
import { operationSubjects } from './operation-subjects';

/** How the gateway decides one field of the operation. */
export type InstanceDecision =
  /** `__typename` and introspection: not the policy's. */
  | { kind: 'meta' }
  /** Decided before planning, for every object the field appears in. */
  | { kind: 'static'; decision: FieldDecision }
  /** The decision depends on a subject only the answer tells (a Person reached by reference). */
  | { kind: 'dynamic' };

/** The gateway's access decision for one operation, kept on the request context. */
export interface OperationAccess {
  analysis: OperationAnalysis;
  /** The caller the decision was made for (consents included). */
  caller: Caller;
  policy: Policy;
  /** The instant consents were checked at. */
  now: Date;
  /** By FieldInstance.index. */
  decisions: InstanceDecision[];
  /** Denied fields removed from the operation before planning (the topmost of each branch). */
  removed: ReadonlySet<FieldInstance>;
  /** Fields decided per object while the answer is enforced. */
  dynamic: readonly FieldInstance[];
  /** Whether some field is masked before planning. */
  masks: boolean;
  /** The persons the operation is about (consent lookup and audit record). */
  subjects: string[];
  record: AccessRecord;
}

/**
 * Decides every field of an analysed operation for `caller` (consents and references already
 * resolved): with the subject the document gives (lib/subjects), or per object of the answer
 * when only the data tells it and the decision depends on it (dependsOnSubject). Fields under a
 * denied field are decided too (reject mode lists them) but only the topmost denial of a branch
 * is removed from the operation.
 */
export function decideOperation(
  analysis: OperationAnalysis,
  caller: Caller,
  policy: Policy,
  now: Date = new Date(),
): OperationAccess {
  const decisions: InstanceDecision[] = [];
  const removed = new Set<FieldInstance>();
  const dynamic: FieldInstance[] = [];
  const record = new AccessRecord();
  let masks = false;

  // Fields under a field decided per object are recorded as the answer is enforced, where it is
  // known whether they were returned at all.
  // Fields under a field decided per object are recorded as the answer is enforced, where it is
  // known whether they were returned at all.
  const decide = (
    instances: readonly FieldInstance[],
    underDenied: boolean,
    underDynamic: boolean,
  ): void => {
    for (const instance of instances) {
      if (instance.meta) {
        decisions[instance.index] = { kind: 'meta' };
        continue;
      }
      const subject = staticSubject(instance, policy, caller);
      if (subject === undefined) {
        decisions[instance.index] = { kind: 'dynamic' };
        if (!underDenied) dynamic.push(instance);
        decide(instance.children, underDenied, true);
        continue;
      }
      const decision = evaluateField(
        policy,
        caller,
        instance.parentType.name,
        instance.fieldName,
        subject,
        { now },
      );
      decisions[instance.index] = { kind: 'static', decision };
      const field = instance.key;
      const path = instance.path.join('.');
      if (decision.effect === 'deny') {
        if (!underDynamic) {
          record.deny({ field, path, ruleId: decision.ruleId, reason: decision.reason });
        }
        if (!underDenied) removed.add(instance);
        decide(instance.children, true, underDynamic);
        continue;
      }
      if (decision.effect === 'mask') masks = true;
      if (!underDenied && !underDynamic) {
        if (decision.effect === 'mask') {
          record.mask({ field, path, masker: decision.masker, ruleId: decision.ruleId });
        } else {
          record.allow(field, decision.ruleId);
        }
      }
      decide(instance.children, underDenied, underDynamic);
    }
  };
  decide(analysis.roots, false, false);
  return {
    analysis,
    caller,
    policy,
    now,
    decisions,
    removed,
    dynamic,
    masks,
    subjects: operationSubjects(analysis),
    record,
  };
}

/**
 * The subject to decide `instance` with before planning, or undefined when only the answer can
 * tell it and the decision depends on it.
 */
function staticSubject(
  instance: FieldInstance,
  policy: Policy,
  caller: Caller,
): FieldSubject | undefined {
  const { subject } = instance;
  if (subject.from === 'root') return subject.root.resolved;
  if (subject.from === 'none') return {};
  return dependsOnSubject(policy, caller, instance.parentType.name, instance.fieldName)
    ? undefined
    : {};
}
