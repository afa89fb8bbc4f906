import type { RegisterFlagRules } from '../rules/types';
import type { RegisterEntry } from './register-entry';

/**
 * The household register's flags on a person that stop credit decisions about them
 * (policy/credit-rules.yaml `register`): a flagged household status (DECEASED, CANCELLED) and
 * every flagged registration issue (registration in doubt), in that order; empty when none.
 */
export function registerFlags(entry: RegisterEntry | null, rules: RegisterFlagRules): string[] {
  if (entry === null) return [];
  const flags = rules.flaggedStatuses.includes(entry.householdStatus)
    ? [entry.householdStatus]
    : [];
  return [
    ...flags,
    ...entry.registrationIssues.filter((issue) => rules.flaggedIssues.includes(issue)),
  ];
}
