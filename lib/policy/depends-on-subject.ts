import type { Caller } from '../auth/caller';
import { callerMatches } from './caller-matches';
import type { Policy, PolicyRule } from './types';

const NO_RULES: readonly PolicyRule[] = [];

/**
 * Whether the decision on `typeName.fieldName` for `caller` can depend on whose data it is: some
 * rule covering the field (or, for an identity field, some grant of its type) matches the caller
 * and has a subject condition. When it cannot, one decision holds for every subject, and the
 * gateway decides the field before planning even where the subject is known only from the data.
 */
export function dependsOnSubject(
  policy: Policy,
  caller: Caller,
  typeName: string,
  fieldName: string,
): boolean {
  const { index } = policy;
  const key = `${typeName}.${fieldName}`;
  const candidates = [
    ...(index.byField.get(key) ?? NO_RULES),
    ...(index.byTypeWildcard.get(typeName) ?? NO_RULES),
    ...(index.identityFields.has(key)
      ? (index.byType.get(typeName) ?? []).map((grant) => grant.rule)
      : NO_RULES),
  ];
  return candidates.some((rule) => rule.when.subject !== undefined && callerMatches(rule, caller));
}
