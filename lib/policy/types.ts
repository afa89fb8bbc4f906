/**
 * The field-level access policy (DESIGN §4) as loaded from `policy/policy.yaml` by
 * `loadPolicy`/`parsePolicy`, and the decisions `evaluateField` returns.
 */
import type { ClientType, Department, Purpose } from '../auth/caller';
import type { MaskerName } from './maskers';

/**
 * Conditions on whose data a field is (its subject, computed by lib/subjects). `self` and
 * `consented` open data in allow and mask rules; `another-person` and `another-dept` close it in
 * deny rules.
 */
export type SubjectCondition = 'self' | 'consented' | 'another-person' | 'another-dept';

/** Subject conditions an allow or mask rule may give: they must hold for the grant to apply. */
export const GRANT_SUBJECT_CONDITIONS: readonly SubjectCondition[] = ['self', 'consented'];

/**
 * Subject conditions a deny rule gives: the rule applies when the subject is known to be someone
 * else's (or the reference that names it could not be resolved: fail closed).
 */
export const DENY_SUBJECT_CONDITIONS: readonly SubjectCondition[] = [
  'another-person',
  'another-dept',
];

/**
 * Who (and whose department) a field's data is about, as the one subject module (lib/subjects)
 * computes it for the gateway and the subgraph shield alike.
 */
export interface FieldSubject {
  /** Citizen id of the person the data belongs to; unknown makes `self`/`consented` fail. */
  personId?: string;
  /**
   * Department the data belongs to: the source department of a credit record, objection or
   * repair, the department that made a joint-measures check, the bureau that decides a kind of
   * good conduct.
   */
  dept?: Department;
  /**
   * Set when an argument named data (a record id, a check id, ...) that could not be found or
   * read: why. Deny rules then apply (fail closed), and a missing id answers like a foreign one.
   */
  unresolved?: string;
}

/** Conditions of a rule: each list means "any of"; every condition given must hold. */
export interface RuleConditions {
  dept?: readonly Department[];
  roles?: readonly string[];
  /**
   * None of these roles: keeps a grant from a caller that also holds one (the credit platform's
   * own service identities, system callers of NDRC with a reserved role, are not its recording
   * systems). Never a rule's only condition.
   */
  withoutRoles?: readonly string[];
  clientType?: readonly ClientType[];
  purpose?: readonly Purpose[];
  /**
   * `self`: the caller is the citizen the data is about. `consented`: the caller holds an
   * unexpired consent of the subject whose scopes cover the field, and asks for AUTHORIZED_QUERY.
   * Deny rules only: `another-person`: the data is about a person other than the calling
   * citizen; `another-dept`: the data belongs to a department other than the caller's.
   */
  subject?: SubjectCondition;
}

/**
 * What a matching rule does with a field. A deny rule beats every allow and mask: it narrows a
 * grant to the data the caller's own subject condition allows (a record of the caller's own
 * department, the caller's own person).
 */
export type RuleEffect =
  | { kind: 'allow' }
  | { kind: 'mask'; masker: MaskerName }
  | { kind: 'deny' };

/** One rule of the policy. */
export interface PolicyRule {
  id: string;
  /** Why this caller may see these fields for this purpose (the reasoning, for reviewers). */
  description: string;
  /** `Type.field`, or `Type.*` for every field of the type. */
  fields: readonly string[];
  when: RuleConditions;
  effect: RuleEffect;
  /** Position in the file (0-based); earlier rules win ties between masks. */
  order: number;
}

/** Rules precompiled for lookup by field; built once by the loader. */
export interface PolicyIndex {
  /** Rules naming `Type.field` exactly. */
  readonly byField: ReadonlyMap<string, readonly PolicyRule[]>;
  /** Rules naming `Type.*`, by type. */
  readonly byTypeWildcard: ReadonlyMap<string, readonly PolicyRule[]>;
  /** Every grant (allow or mask rule) covering some non-identity field of a type, with its keys. */
  readonly byType: ReadonlyMap<string, readonly TypeGrant[]>;
  /** Named consent scopes expanded to field keys (`Type.field` or `Type.*`). */
  readonly scopes: ReadonlyMap<string, readonly string[]>;
  /** Identity fields (`Person.id`, ...) as a set of `Type.field`. */
  readonly identityFields: ReadonlySet<string>;
}

/** A rule and the keys (`Type.field` or `Type.*`) it covers in one type. */
export interface TypeGrant {
  rule: PolicyRule;
  keys: readonly string[];
}

/** A loaded, validated policy. */
export interface Policy {
  /** First 12 hex digits of the sha256 of the file's bytes; goes into every audit record. */
  version: string;
  /** Where it was read from, for messages. */
  source: string;
  rules: readonly PolicyRule[];
  /**
   * Fields that identify an entity (federation `@key` fields such as `Person.id`). Without an
   * explicit rule they are allowed whenever another field of the type is granted for the same
   * caller and subject, and they can never be masked (the gateway needs the real key to join).
   */
  identityFields: readonly string[];
  /** Named consent scopes: a consent may grant `CREDIT_SUMMARY` instead of listing fields. */
  scopes: Readonly<Record<string, readonly string[]>>;
  index: PolicyIndex;
}

/** The decision for one field. `ruleId` names the rule that decided, or `default-deny`. */
export type FieldDecision =
  | { effect: 'allow'; ruleId: string }
  | { effect: 'mask'; masker: MaskerName; ruleId: string }
  | { effect: 'deny'; ruleId: string; reason: string };

/** The `ruleId` of a field no rule grants. */
export const DEFAULT_DENY = 'default-deny';
