import type { FieldOutcomes, FieldRule } from '../../lib/audit/audit-record';

/** A field the policy refused, where and why. */
export interface AccessDenial {
  /** `Type.field`. */
  field: string;
  /** Response path (aliases as written), e.g. `person.tax`. */
  path: string;
  ruleId: string;
  reason: string;
}

/** A field returned masked, where and by which rule. */
export interface AccessMask {
  field: string;
  path: string;
  masker: string;
  ruleId: string;
}

/**
 * What the gateway decided for one operation, field by field: granted in clear, masked, denied
 * (with the rule). Filled by the one decision path (before planning, and while enforcing the
 * answer for fields whose subject only the data tells), read by the reject-mode error and the
 * audit record, so they cannot disagree.
 */
export class AccessRecord {
  private readonly returnedFields = new Map<string, Set<string>>();
  readonly masked: AccessMask[] = [];
  readonly denied: AccessDenial[] = [];

  /** `field` was granted in clear by rule `ruleId`. */
  allow(field: string, ruleId: string): void {
    const rules = this.returnedFields.get(field) ?? new Set<string>();
    rules.add(ruleId);
    this.returnedFields.set(field, rules);
  }

  mask(entry: AccessMask): void {
    this.masked.push(entry);
  }

  deny(entry: AccessDenial): void {
    this.denied.push(entry);
  }

  /**
   * The record's field lists for the audit: distinct `Type.field` per outcome, and the rule that
   * decided each (once per field, outcome and rule).
   */
  outcomes(): FieldOutcomes & { rules: FieldRule[] } {
    const rules = new Map<string, FieldRule>();
    const add = (field: string, outcome: FieldRule['outcome'], ruleId: string) =>
      rules.set(`${field} ${outcome} ${ruleId}`, { field, outcome, ruleId });
    for (const [field, ids] of this.returnedFields) ids.forEach((id) => add(field, 'returned', id));
    for (const { field, ruleId } of this.masked) add(field, 'masked', ruleId);
    for (const { field, ruleId } of this.denied) add(field, 'denied', ruleId);
    return {
      returned: [...this.returnedFields.keys()],
      masked: [...new Set(this.masked.map((entry) => entry.field))],
      denied: [...new Set(this.denied.map((entry) => entry.field))],
      rules: [...rules.values()],
    };
  }
}
