import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { CLIENT_TYPES, DEPARTMENTS, PURPOSES } from '../auth/caller';
import { checkDenyRuleSubjects } from './check-deny-rule-subjects';
import { compilePolicyIndex } from './compile-policy-index';
import { isWildcardKey, parseFieldKey } from './field-key';
import { MASKER_NAMES, isMaskerName } from './maskers';
import { PolicyProblems } from './policy-problems';
import { DEFAULT_DENY, DENY_SUBJECT_CONDITIONS, GRANT_SUBJECT_CONDITIONS } from './types';
import type { Policy, PolicyRule, RuleConditions, RuleEffect, SubjectCondition } from './types';

/** The format this parser reads (`format: 1` at the top of the file). */
export const POLICY_FORMAT = 1;

const ROOT_KEYS = ['format', 'identityFields', 'scopes', 'rules'];
const RULE_KEYS = ['id', 'description', 'fields', 'when', 'effect'];
const CONDITION_KEYS = ['dept', 'roles', 'withoutRoles', 'clientType', 'purpose', 'subject'];
const SUBJECTS: readonly SubjectCondition[] = [
  ...GRANT_SUBJECT_CONDITIONS,
  ...DENY_SUBJECT_CONDITIONS,
];
const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;
const SCOPE_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Always allowed by the subgraph kit (they carry no data of their own); never policy fields. */
const FEDERATION_INTERNALS = new Set(['Query._entities', 'Query._service', '_Service.sdl']);

/**
 * Parses and validates the text of `policy/policy.yaml` strictly. Every problem is reported with
 * the rule (index and id) and what is wrong: unknown dept/clientType/purpose value, unknown
 * masker, unknown subject condition, a rule with no condition, duplicate id, malformed field,
 * unknown key, a mask on a wildcard or on an identity field, a deny rule without a data condition
 * (`subject: another-person | another-dept`) or a grant with one. Field names are checked against a schema separately
 * (`validatePolicyAgainstSchema`). The version is the first 12 hex digits of the text's sha256.
 */
export function parsePolicy(text: string, source = 'policy/policy.yaml'): Policy {
  const problems = new PolicyProblems(source);
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  } catch (error) {
    problems.add(
      '(file)',
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    problems.throwIfAny();
  }
  const root = mapping(problems, data, '(root)', ROOT_KEYS) ?? {};
  if (root.format !== POLICY_FORMAT) {
    problems.add('format', `must be ${POLICY_FORMAT}, got ${JSON.stringify(root.format)}`);
  }
  const identityFields = readIdentityFields(problems, root.identityFields);
  const scopes = readScopes(problems, root.scopes);
  const rules = readRules(problems, root.rules, new Set(identityFields));
  checkDenyRuleSubjects(problems, rules);
  problems.throwIfAny();
  return {
    version: createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12),
    source,
    rules,
    identityFields,
    scopes,
    index: compilePolicyIndex(rules, identityFields, scopes),
  };
}

function readIdentityFields(problems: PolicyProblems, value: unknown): string[] {
  if (value === undefined) return [];
  const list = stringList(problems, value, 'identityFields');
  return list.filter((key) => {
    if (parseFieldKey(key) && !isWildcardKey(key)) return true;
    problems.add('identityFields', `malformed field ${JSON.stringify(key)} (expected Type.field)`);
    return false;
  });
}

function readScopes(problems: PolicyProblems, value: unknown): Record<string, string[]> {
  const scopes: Record<string, string[]> = {};
  if (value === undefined) return scopes;
  const record = mapping(problems, value, 'scopes', null);
  for (const [name, fields] of Object.entries(record ?? {})) {
    const where = `scopes.${name}`;
    if (!SCOPE_NAME.test(name)) {
      problems.add(where, 'scope names are UPPER_SNAKE_CASE (field keys are Type.field)');
    }
    scopes[name] = fieldList(problems, fields, where);
  }
  return scopes;
}

function readRules(
  problems: PolicyProblems,
  value: unknown,
  identityFields: ReadonlySet<string>,
): PolicyRule[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('rules', 'must be a non-empty list');
    return [];
  }
  const rules: PolicyRule[] = [];
  const ids = new Map<string, number>();
  value.forEach((raw: unknown, order) => {
    const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    const where = id === undefined ? `rules[${order}]` : `rules[${order}] (${id})`;
    const record = mapping(problems, raw, where, RULE_KEYS);
    if (!record) return;
    if (id === undefined) problems.add(`${where}.id`, 'is required (a string)');
    else if (id === DEFAULT_DENY) problems.add(`${where}.id`, `"${DEFAULT_DENY}" is reserved`);
    else if (!RULE_ID.test(id)) problems.add(`${where}.id`, 'must be kebab-case (a-z, 0-9, -)');
    else if (ids.has(id)) {
      problems.add(`${where}.id`, `duplicate id ${id} (also rules[${ids.get(id)}])`);
    } else ids.set(id, order);
    const description = record.description;
    if (typeof description !== 'string' || description.trim() === '') {
      problems.add(`${where}.description`, 'is required: say why this caller may see these fields');
    }
    const fields = fieldList(problems, record.fields, `${where}.fields`);
    const when = readConditions(problems, record.when, `${where}.when`);
    const effect = readEffect(problems, record.effect, `${where}.effect`);
    if (effect && when) checkSubjectFitsEffect(problems, `${where}.when.subject`, effect, when);
    if (effect?.kind === 'mask') {
      for (const key of fields) {
        if (isWildcardKey(key)) {
          problems.add(`${where}.fields`, `${key}: a mask applies to listed fields, not Type.*`);
        } else if (identityFields.has(key)) {
          problems.add(
            `${where}.fields`,
            `${key} is an identity field and cannot be masked (federation joins on its value)`,
          );
        }
      }
    }
    if (id !== undefined && when && effect) {
      rules.push({ id, description: String(description), fields, when, effect, order });
    }
  });
  return rules;
}

function readConditions(
  problems: PolicyProblems,
  value: unknown,
  where: string,
): RuleConditions | null {
  if (value === undefined) {
    problems.add(where, 'is required: a rule with no condition would grant everyone');
    return null;
  }
  const record = mapping(problems, value, where, CONDITION_KEYS);
  if (!record) return null;
  if (Object.keys(record).length === 0) {
    problems.add(where, 'has no condition: a rule with no condition would grant everyone');
    return null;
  }
  const conditions: RuleConditions = {};
  if (record.dept !== undefined) {
    conditions.dept = enumList(problems, record.dept, `${where}.dept`, DEPARTMENTS, 'dept');
  }
  if (record.roles !== undefined) {
    conditions.roles = stringList(problems, record.roles, `${where}.roles`);
  }
  if (record.withoutRoles !== undefined) {
    conditions.withoutRoles = stringList(problems, record.withoutRoles, `${where}.withoutRoles`);
    if (Object.keys(record).length === 1) {
      problems.add(
        `${where}.withoutRoles`,
        'is not a condition on its own: a rule with only it would grant almost everyone',
      );
    }
  }
  if (record.clientType !== undefined) {
    conditions.clientType = enumList(
      problems,
      record.clientType,
      `${where}.clientType`,
      CLIENT_TYPES,
      'clientType',
    );
  }
  if (record.purpose !== undefined) {
    const purposes = Object.keys(PURPOSES) as (keyof typeof PURPOSES)[];
    conditions.purpose = enumList(
      problems,
      record.purpose,
      `${where}.purpose`,
      purposes,
      'purpose',
    );
  }
  if (record.subject !== undefined) {
    if (SUBJECTS.includes(record.subject as SubjectCondition)) {
      conditions.subject = record.subject as SubjectCondition;
    } else {
      problems.add(
        `${where}.subject`,
        `unknown subject ${JSON.stringify(record.subject)} (expected one of ${SUBJECTS.join(', ')})`,
      );
    }
  }
  return conditions;
}

/**
 * A deny rule exists to narrow grants to the caller's own data, so it must say whose data it
 * refuses; a grant must not use those conditions (they would open another's data).
 */
function checkSubjectFitsEffect(
  problems: PolicyProblems,
  where: string,
  effect: RuleEffect,
  when: RuleConditions,
): void {
  const subject = when.subject;
  if (effect.kind === 'deny') {
    if (subject === undefined || !DENY_SUBJECT_CONDITIONS.includes(subject)) {
      problems.add(
        where,
        `a deny rule needs subject ${DENY_SUBJECT_CONDITIONS.join(' or ')} ` +
          '(deny by default already refuses whatever no rule grants)',
      );
    }
  } else if (subject !== undefined && !GRANT_SUBJECT_CONDITIONS.includes(subject)) {
    problems.add(
      where,
      `subject ${subject} is for deny rules; ${effect.kind === 'allow' ? 'an allow' : 'a mask'} rule may give ` +
        GRANT_SUBJECT_CONDITIONS.join(' or '),
    );
  }
}

function readEffect(problems: PolicyProblems, value: unknown, where: string): RuleEffect | null {
  if (value === 'allow') return { kind: 'allow' };
  if (value === 'deny') return { kind: 'deny' };
  if (typeof value === 'string' && value.startsWith('mask:')) {
    const masker = value.slice('mask:'.length);
    if (isMaskerName(masker)) return { kind: 'mask', masker };
    problems.add(where, `unknown masker ${masker} (expected one of ${MASKER_NAMES.join(', ')})`);
    return null;
  }
  problems.add(where, `must be allow, deny or mask:<masker>, got ${JSON.stringify(value)}`);
  return null;
}

function fieldList(problems: PolicyProblems, value: unknown, where: string): string[] {
  const seen = new Set<string>();
  return stringList(problems, value, where).filter((key) => {
    if (!parseFieldKey(key)) {
      problems.add(where, `malformed field ${JSON.stringify(key)} (expected Type.field or Type.*)`);
      return false;
    }
    if (key.includes('.__')) {
      problems.add(where, `${key}: introspection fields are not governed by the policy`);
      return false;
    }
    if (FEDERATION_INTERNALS.has(key) || key === '_Service.*') {
      problems.add(where, `${key}: federation internals are always allowed by the subgraph kit`);
      return false;
    }
    if (seen.has(key)) {
      problems.add(where, `${key} is listed twice`);
      return false;
    }
    seen.add(key);
    return true;
  });
}

function enumList<T extends string>(
  problems: PolicyProblems,
  value: unknown,
  where: string,
  allowed: readonly T[],
  what: string,
): T[] {
  return stringList(problems, value, where).filter((item): item is T => {
    if ((allowed as readonly string[]).includes(item)) return true;
    problems.add(where, `unknown ${what} ${item} (expected one of ${allowed.join(', ')})`);
    return false;
  });
}

function stringList(problems: PolicyProblems, value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(where, 'must be a non-empty list');
    return [];
  }
  return value.filter((item: unknown): item is string => {
    if (typeof item === 'string' && item !== '') return true;
    problems.add(where, `${JSON.stringify(item)} is not a non-empty string`);
    return false;
  });
}

function mapping(
  problems: PolicyProblems,
  value: unknown,
  where: string,
  keys: readonly string[] | null,
): Record<string, unknown> | null {
  if (!isRecord(value)) {
    problems.add(where, 'must be a mapping');
    return null;
  }
  if (keys) {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        problems.add(`${where}.${key}`, `unknown key (expected one of ${keys.join(', ')})`);
      }
    }
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
