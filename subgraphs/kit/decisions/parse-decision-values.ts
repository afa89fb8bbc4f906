import type { Department } from '../../../lib/auth/caller';
import { chinaToday } from '../../../lib/civil-time/china-today';
import { realDate } from '../../../lib/civil-time/real-date';
import type { DecisionField, DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { DEPARTMENT_AUTHORITIES } from '../../../lib/decision-kinds/department-authorities';
import { EARLIEST_DECISION_DATE } from '../../../lib/decision-kinds/earliest-decision-date';
import { validateCitizenId } from '../../../lib/ids/citizen-id';
import { validateUscc } from '../../../lib/ids/uscc';
import type { DecisionValues, FieldProblem } from './decision-values';
import { normalizeDecisionNo } from './normalize-decision-no';

/** A value as sent: a canonical field name and its text. */
export interface RawValue {
  field: string;
  value?: string | null;
}

/** The outcome of parsing: the values, or every problem found (never both). */
export type ParsedDecision =
  | { ok: true; values: DecisionValues }
  | { ok: false; problems: FieldProblem[] };

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * The rule an id broke, without any part of the id: a refusal never echoes what the client sent
 * (it lands in rejects files, logs and screens; a citizen id is personal data). `standard` names
 * the check (GB 11643 or GB 32100).
 */
function idRule(reason: string, standard: string): string {
  if (reason.startsWith('must be 18')) return 'must be 18 characters';
  if (reason.startsWith('check character')) return `wrong check character (${standard})`;
  if (reason.startsWith('birth date')) return 'the birth date it encodes is not a real date';
  if (reason.startsWith('unknown province') || reason.startsWith('region code')) {
    return 'unknown region code';
  }
  if (reason.startsWith('unknown registration')) return 'unknown registration authority';
  return `not of the form ${standard} prescribes`;
}

function parseField(field: DecisionField, text: string, today: string): string | FieldProblem {
  const problem = (reason: string): FieldProblem => ({ field: field.name, reason });
  switch (field.type) {
    case 'text':
      return [...text].length > field.maxLen
        ? problem(`longer than ${field.maxLen} characters`)
        : text;
    case 'date':
      if (!realDate(text)) return problem('not a real date yyyy-mm-dd');
      if (text < EARLIEST_DECISION_DATE) return problem(`before ${EARLIEST_DECISION_DATE}`);
      if (!field.future && text > today) return problem(`in the future (today is ${today})`);
      return text;
    case 'amount': {
      if (text.startsWith('-')) return problem('negative amount');
      if (!AMOUNT.test(text)) return problem('not an amount in yuan with at most 2 decimals');
      const fixed = Number(text).toFixed(2);
      if (field.positive && Number(fixed) === 0) return problem('must be more than 0');
      return fixed;
    }
    case 'enum':
      return field.values.includes(text) ? text : problem(`not one of ${field.values.join(', ')}`);
    case 'citizenId': {
      const id = validateCitizenId(text);
      return id.ok ? id.value : problem(`not a citizen id: ${idRule(id.reason, 'GB 11643')}`);
    }
    case 'uscc': {
      const code = validateUscc(text);
      return code.ok
        ? code.value
        : problem(`not a unified social credit code: ${idRule(code.reason, 'GB 32100')}`);
    }
    case 'int': {
      if (!/^-?\d{1,9}$/.test(text)) return problem('not a whole number');
      const n = Number(text);
      return n < field.min || n > field.max
        ? problem(`not between ${field.min} and ${field.max}`)
        : String(n);
    }
  }
}

/** Which department an authority name belongs to, if any. */
function authorityDept(name: string): Department | undefined {
  const entries = Object.entries(DEPARTMENT_AUTHORITIES) as [Department, readonly string[]][];
  return entries.find(([, names]) => names.includes(name))?.[0];
}

/**
 * Parses and validates the values of one decision of `kind`: unknown and repeated fields,
 * required fields (some only when another field has a value, `requiredWhen`), each field's type
 * (lib/decision-kinds), dates from EARLIEST_DECISION_DATE to `today` (China Standard Time) and in
 * order, and the deciding authority belonging to the kind's department. Collects every problem,
 * so a rejected row names all its faults at once. A reason names the field and the rule, never
 * the value sent (no citizen id, no free text is echoed).
 */
export function parseDecisionValues(
  kind: DecisionKind,
  raw: readonly RawValue[],
  now: Date = new Date(),
): ParsedDecision {
  const today = chinaToday(now);
  const problems: FieldProblem[] = [];
  const given = new Map<string, string>();
  for (const { field, value } of raw) {
    if (!kind.fields.some((f) => f.name === field)) {
      // A field name is echoed only when it looks like one: anything else may be a pasted value.
      const named = /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(field);
      problems.push({
        field: named ? field : null,
        reason: named ? `unknown field of ${kind.kind}` : `a field ${kind.kind} does not have`,
      });
    } else if (given.has(field)) {
      problems.push({ field, reason: 'given twice' });
    } else {
      given.set(field, (value ?? '').trim());
    }
  }
  const values: Record<string, string | null> = {};
  for (const field of kind.fields) {
    const text = given.get(field.name) ?? '';
    if (text === '') {
      if (field.required) problems.push({ field: field.name, reason: 'required' });
      values[field.name] = null;
      continue;
    }
    // Decision numbers, the kind's own and the one an ending names, in their compared form.
    const isDecisionNo = field.name === kind.decisionNoField || field.name === kind.ends?.refField;
    const parsed = parseField(field, isDecisionNo ? normalizeDecisionNo(text) : text, today);
    if (typeof parsed === 'string') values[field.name] = parsed;
    else problems.push(parsed);
  }
  for (const rule of kind.requiredWhen ?? []) {
    if (values[rule.whenField] === rule.equals && values[rule.field] === null) {
      const alreadyRefused = problems.some((p) => p.field === rule.field);
      if (!alreadyRefused) {
        problems.push({
          field: rule.field,
          reason: `required when ${rule.whenField} is ${rule.equals}`,
        });
      }
    }
  }
  for (const [earlier, later] of kind.dateOrder ?? []) {
    const [from, to] = [values[earlier], values[later]];
    if (from && to && to < from) problems.push({ field: later, reason: `before ${earlier}` });
  }
  const authority = values.authority;
  if (authority) {
    const owner = authorityDept(authority);
    if (owner === undefined) {
      problems.push({ field: 'authority', reason: 'not the name of any department' });
    } else if (owner !== kind.dept) {
      problems.push({ field: 'authority', reason: `row of another department (${owner})` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
