import { parseFieldKey, typeOfKey } from '../../../lib/policy/field-key';
import type { Policy } from '../../../lib/policy/types';
import { badUserInput } from '../../kit/errors';

/** Most scopes one consent may list. */
export const MAX_CONSENT_SCOPES = 50;

/** Whether a rule's field key covers the scope key (`Type.field` or `Type.*`). */
function covers(ruleKey: string, scope: string): boolean {
  if (ruleKey === scope) return true;
  const type = typeOfKey(scope);
  if (ruleKey === `${type}.*`) return true;
  return scope.endsWith('.*') && typeOfKey(ruleKey) === type;
}

/**
 * Whether a consent may name `scope`: a named scope of the policy (`CREDIT_SUMMARY`), or a field
 * key (`Type.field`, `Type.*`) that some `subject: consented` rule of the policy can open. A key
 * no such rule covers could never show anything, so it is refused rather than stored.
 */
export function isConsentableScope(policy: Policy, scope: string): boolean {
  if (Object.prototype.hasOwnProperty.call(policy.scopes, scope)) return true;
  if (parseFieldKey(scope) === null) return false;
  return policy.rules.some(
    (rule) =>
      rule.when.subject === 'consented' && rule.fields.some((field) => covers(field, scope)),
  );
}

/**
 * Validates the `scopes` argument of a consent against the loaded policy: 1 to 50 consentable
 * scopes (see isConsentableScope), trimmed and without duplicates, in the order given. Throws
 * BAD_USER_INPUT naming `argument` and the first unknown scope.
 */
export function consentScopesArg(
  policy: Policy,
  argument: string,
  values: readonly unknown[],
): string[] {
  const scopes = [
    ...new Set(values.map((value) => (typeof value === 'string' ? value.trim() : ''))),
  ];
  if (scopes.length === 0) throw badUserInput(argument, 'name at least one scope');
  if (scopes.length > MAX_CONSENT_SCOPES) {
    throw badUserInput(argument, `at most ${MAX_CONSENT_SCOPES} scopes, got ${scopes.length}`);
  }
  const unknown = scopes.find((scope) => !isConsentableScope(policy, scope));
  if (unknown !== undefined) {
    const named = Object.keys(policy.scopes).join(', ');
    throw badUserInput(
      argument,
      `unknown scope "${unknown}": use a named scope (${named}) or a Type.field an organisation may be granted by consent`,
    );
  }
  return scopes;
}
