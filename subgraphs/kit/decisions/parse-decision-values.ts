import type { Department } from '../../../lib/auth/caller';
import { chinaToday } from '../../../lib/civil-time/china-today';
import { realDate } from '../../../lib/civil-time/real-date';
import type { DecisionField, DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { DEPARTMENT_AUTHORITIES } from '../../../lib/decision-kinds/department-authorities';
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

function parseField(field: DecisionField, text: string, today: string): string | FieldProblem {
  const problem = (reason: string): FieldProblem => ({ field: field.name, reason });
  switch (field.type) {
    case 'text':
      return [...text].length > field.maxLen
        ? problem(`longer than ${field.maxLen} characters`)
        : text;
    case 'date':
      if (!realDate(text)) return problem(`not a date yyyy-mm-dd: ${JSON.stringify(text)}`);
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
      return field.values.includes(text)
        ? text
        : problem(`not one of ${field.values.join(', ')}: ${JSON.stringify(text)}`);
    case 'citizenId': {
      const id = validateCitizenId(text);
      return id.ok ? id.value : problem(`not a citizen id: ${id.reason}`);
    }
    case 'uscc': {
      const code = validateUscc(text);
      return code.ok ? code.value : problem(`not a unified social credit code: ${code.reason}`);
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
 * required fields, each field's type (lib/decision-kinds), dates not after `today` (China
 * Standard Time) and in order, and the deciding authority belonging to the kind's department.
 * Collects every problem, so a rejected row names all its faults at once.
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
      problems.push({ field, reason: `unknown field of ${kind.kind}` });
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
  for (const [earlier, later] of kind.dateOrder ?? []) {
    const [from, to] = [values[earlier], values[later]];
    if (from && to && to < from) problems.push({ field: later, reason: `before ${earlier}` });
  }
  const authority = values.authority;
  if (authority) {
    const owner = authorityDept(authority);
    if (owner === undefined) {
      problems.push({ field: 'authority', reason: `unknown authority ${authority}` });
    } else if (owner !== kind.dept) {
      problems.push({ field: 'authority', reason: `row of another department (${owner})` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
