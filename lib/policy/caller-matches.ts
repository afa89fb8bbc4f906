import type { Caller } from '../auth/caller';
import type { PolicyRule } from './types';

/**
 * Whether the caller conditions of `rule` (dept, roles, withoutRoles, clientType, purpose) hold
 * for `caller`: each given list means "any of" (withoutRoles: "none of"), every given condition
 * must hold. Subject conditions are not looked at here.
 */
export function callerMatches(rule: PolicyRule, caller: Caller): boolean {
  const { dept, roles, withoutRoles, clientType, purpose } = rule.when;
  if (dept && (caller.dept === undefined || !dept.includes(caller.dept))) return false;
  if (roles && !caller.roles.some((role) => roles.includes(role))) return false;
  if (withoutRoles && caller.roles.some((role) => withoutRoles.includes(role))) return false;
  if (clientType && !clientType.includes(caller.clientType)) return false;
  if (purpose && (caller.purpose === undefined || !purpose.includes(caller.purpose))) return false;
  return true;
}
