/**
 * Decides one field for one caller and subject (DESIGN §4): pure and fast (index lookups, no
 * scan of the rule list), used by the subgraph shield for every resolved field and by the gateway
 * before planning.
 *
 *   evaluateField(policy, caller, 'Person', 'name', { personId: '511921198503121234' })
 *     → { effect: 'allow', ruleId } | { effect: 'mask', masker, ruleId }
 *       | { effect: 'deny', ruleId: 'default-deny' | <rule id>, reason }
 *
 * Semantics:
 * - Deny by default: a field no matching rule grants is denied with ruleId `default-deny`.
 * - A rule matches when every condition it gives holds; each condition list means "any of".
 * - When several rules match, allow beats mask (a caller granted the clear value by one rule
 *   is not handicapped by a masked grant meant for a wider audience); among masks the earliest
 *   rule in the file wins. The decision names the earliest matching rule of the winning effect.
 * - `subject: self` holds only for a `citizen` whose personId is the subject's.
 * - `subject: consented` holds only for purpose AUTHORIZED_QUERY when the caller holds a consent
 *   of the subject, unexpired at evaluation time, whose scopes cover the field (a scope is
 *   `Type.field`, `Type.*` or a named scope of the policy).
 * - When a rule matched the caller but not the subject, the denial names that rule and why.
 * - A deny rule (`effect: deny`) narrows the grants: where a rule grants the field, a deny rule
 *   that matches the caller and whose data condition holds refuses it (where nothing grants it,
 *   the denial stays `default-deny` or the grant's own subject denial). Its data conditions: `another-person` when the subject is a person other than the calling
 *   citizen, `another-dept` when the data belongs to a department other than the caller's; both
 *   also hold when the subject is `unresolved` (an id that named nothing readable: fail closed).
 *   Without the data (no such subject at all) a data condition does not hold.
 * - Identity fields (policy `identityFields`, e.g. `Person.id`): an explicit rule decides as
 *   usual; otherwise the field is allowed when any rule grants (allows or masks) another field of
 *   the same type for the same caller and subject, so an entity is identified exactly when
 *   something about it may be shown.
 * - Federation internals (`_entities`, `_service`) and introspection (`__typename`, ...) are not
 *   policy fields: the subgraph kit always lets them through.
 */
import type { Caller, ConsentGrant } from '../auth/caller';
import { callerMatches } from './caller-matches';
import { isWildcardKey, typeOfKey } from './field-key';
import { DEFAULT_DENY, DENY_SUBJECT_CONDITIONS } from './types';
import type { FieldDecision, FieldSubject, Policy, PolicyIndex, PolicyRule } from './types';

export type { FieldSubject } from './types';

/** Options of {@link evaluateField}. */
export interface EvaluateFieldOptions {
  /** Evaluation time, against which consents expire; default `new Date()`. */
  now?: Date;
}

const NO_RULES: readonly PolicyRule[] = [];

/** The decision for `typeName.fieldName` read by `caller` about `subject`. */
export function evaluateField(
  policy: Policy,
  caller: Caller,
  typeName: string,
  fieldName: string,
  subject?: FieldSubject,
  options: EvaluateFieldOptions = {},
): FieldDecision {
  const index = policy.index;
  const key = `${typeName}.${fieldName}`;
  const match = new Matcher(index, caller, subject, options.now);
  let allow: PolicyRule | undefined;
  let mask: PolicyRule | undefined;
  let refusal: { rule: PolicyRule; reason: string } | undefined;
  let subjectDenial: { rule: PolicyRule; reason: string } | undefined;
  for (const rules of [index.byField.get(key) ?? NO_RULES, index.byTypeWildcard.get(typeName)]) {
    for (const rule of rules ?? NO_RULES) {
      if (!match.caller(rule)) continue;
      if (rule.effect.kind === 'deny') {
        const reason = match.refusal(rule, key);
        if (reason !== null && (!refusal || rule.order < refusal.rule.order)) {
          refusal = { rule, reason };
        }
        continue;
      }
      const reason = match.subject(rule, key);
      if (reason !== null) {
        if (!subjectDenial || rule.order < subjectDenial.rule.order) {
          subjectDenial = { rule, reason };
        }
        continue;
      }
      if (rule.effect.kind === 'allow') {
        if (!allow || rule.order < allow.order) allow = rule;
      } else if (!mask || rule.order < mask.order) mask = rule;
    }
  }
  // A deny rule narrows a grant; where nothing is granted, deny by default says why.
  if (refusal && (allow || mask)) {
    return { effect: 'deny', ruleId: refusal.rule.id, reason: refusal.reason };
  }
  if (allow) return { effect: 'allow', ruleId: allow.id };
  if (mask && mask.effect.kind === 'mask') {
    return { effect: 'mask', masker: mask.effect.masker, ruleId: mask.id };
  }
  if (index.identityFields.has(key)) {
    for (const grant of index.byType.get(typeName) ?? []) {
      if (!match.caller(grant.rule)) continue;
      if (grant.keys.some((covered) => match.subject(grant.rule, covered) === null)) {
        return { effect: 'allow', ruleId: grant.rule.id };
      }
    }
    return {
      effect: 'deny',
      ruleId: DEFAULT_DENY,
      reason:
        `${key} identifies the subject and is shown only with another ${typeName} field ` +
        `the caller may see; none is granted to ${describe(caller)}`,
    };
  }
  if (subjectDenial) {
    return { effect: 'deny', ruleId: subjectDenial.rule.id, reason: subjectDenial.reason };
  }
  return {
    effect: 'deny',
    ruleId: DEFAULT_DENY,
    reason: `no rule grants ${key} to ${describe(caller)}`,
  };
}

/** Condition checks for one evaluation (one caller, one subject, one clock). */
class Matcher {
  constructor(
    private readonly index: PolicyIndex,
    private readonly who: Caller,
    private readonly about: FieldSubject | undefined,
    // Read only when a consent is checked: most decisions never need the clock.
    private readonly at: Date | undefined,
  ) {}

  /** Whether the caller conditions (dept, roles, clientType, purpose) hold. */
  caller(rule: PolicyRule): boolean {
    return callerMatches(rule, this.who);
  }

  /**
   * Why the deny rule `rule` refuses `key` to this caller for this subject, or null when its data
   * condition does not hold. A citizen learns nothing from the reason about whose the data is
   * (a foreign id and a missing one read alike); an officer learns the owning department.
   */
  refusal(rule: PolicyRule, key: string): string | null {
    const about = this.about ?? {};
    const who = this.who;
    const field = isWildcardKey(key) ? `${typeOfKey(key)} fields` : key;
    if (rule.when.subject === 'another-person') {
      const own = who.clientType === 'citizen' && who.personId !== undefined;
      const foreign =
        about.unresolved !== undefined ||
        (about.personId !== undefined && (!own || about.personId !== who.personId));
      return foreign ? `rule ${rule.id} lets ${field} act only on the caller's own data` : null;
    }
    if (about.unresolved !== undefined) {
      return `rule ${rule.id} lets ${field} act only on data of the caller's department: ${about.unresolved}`;
    }
    if (about.dept === undefined || about.dept === who.dept) return null;
    return (
      `rule ${rule.id} lets ${field} act only on data of the caller's department; ` +
      `this is data of ${about.dept}, so only ${about.dept} may`
    );
  }

  /** Null when the subject condition holds for `key` (or there is none), else why not. */
  subject(rule: PolicyRule, key: string): string | null {
    const condition = rule.when.subject;
    if (condition === undefined || DENY_SUBJECT_CONDITIONS.includes(condition)) return null;
    const who = this.who;
    const personId = this.about?.personId;
    const field = isWildcardKey(key) ? `${typeOfKey(key)} fields` : key;
    if (condition === 'self') {
      if (who.clientType !== 'citizen' || personId === undefined || who.personId !== personId) {
        return `rule ${rule.id} grants ${field} only to the citizen the data is about`;
      }
      return null;
    }
    if (who.purpose !== 'AUTHORIZED_QUERY') {
      return `rule ${rule.id} grants ${field} only for purpose AUTHORIZED_QUERY with the subject's consent`;
    }
    if (personId === undefined)
      return `the subject of ${field} is unknown, so no consent can cover it`;
    const consents = (who.consents ?? []).filter((consent) => consent.personId === personId);
    if (consents.length === 0)
      return `the subject has not consented to ${describe(who)} seeing ${field}`;
    const now = (this.at ?? new Date()).getTime();
    const active = consents.filter((consent) => Date.parse(consent.expiresAt) > now);
    if (active.length === 0) {
      const expiry = consents
        .map((consent) => consent.expiresAt)
        .sort()
        .at(-1);
      return `the subject's consent expired at ${expiry}`;
    }
    if (!active.some((consent) => this.covers(consent, key))) {
      return `the subject's consent does not cover ${field}`;
    }
    return null;
  }

  /** Whether a consent's scopes cover `key` (`Type.field`, or any field of the type for `Type.*`). */
  private covers(consent: ConsentGrant, key: string): boolean {
    const typeName = typeOfKey(key);
    return consent.scopes.some((scope) =>
      (this.index.scopes.get(scope) ?? [scope]).some((granted) => {
        if (granted === key || granted === `${typeName}.*`) return true;
        return (
          isWildcardKey(key) &&
          typeOfKey(granted) === typeName &&
          !this.index.identityFields.has(granted)
        );
      }),
    );
  }
}

/** `officer of TAX for ADMIN_LICENSING`, for reasons. */
function describe(caller: Caller): string {
  const dept = caller.dept ? ` of ${caller.dept}` : '';
  const org = caller.org ? ` ${caller.org}` : '';
  const purpose = caller.purpose ? ` for ${caller.purpose}` : ' without a purpose';
  return `${caller.clientType}${org}${dept}${purpose}`;
}
