import type { Caller } from '../../auth/caller';
import { dependsOnSubject } from '../depends-on-subject';
import { evaluateField } from '../evaluate-field';
import { parsePolicy } from '../parse-policy';
import type { FieldSubject } from '../types';

/** Grants with a narrowing deny rule each, as policy/policy.yaml writes them. */
const POLICY = parsePolicy(
  `
format: 1
identityFields: [Person.id]
rules:
  - id: departments-decide
    description: Every source department may call the decision.
    fields: [Mutation.decideObjection, Decision.*]
    when: { dept: [TAX, AMR], clientType: [officer] }
    effect: allow
  - id: decide-own-records-only
    description: Only on a record of the caller's department.
    fields: [Mutation.decideObjection]
    when: { clientType: [officer], subject: another-dept }
    effect: deny
  - id: citizens-object
    description: Citizens object.
    fields: [Mutation.fileObjection]
    when: { clientType: [citizen] }
    effect: allow
  - id: object-own-records-only
    description: Only to their own records.
    fields: [Mutation.fileObjection]
    when: { clientType: [citizen], subject: another-person }
    effect: deny
  - id: citizen-self
    description: Own record.
    fields: [Person.*]
    when: { clientType: [citizen], subject: self }
    effect: allow
  - id: officers-names
    description: Masked names.
    fields: [Person.name]
    when: { clientType: [officer] }
    effect: mask:name
`,
  'test.yaml',
);

const A = '511921198503121234';
const B = '51192119900101002X';

const tax: Caller = { sub: 't', dept: 'TAX', roles: [], clientType: 'officer' };
const citizenA: Caller = { sub: 'c', roles: [], clientType: 'citizen', personId: A };

function decide(caller: Caller, field: string, subject?: FieldSubject) {
  const [typeName, fieldName] = field.split('.');
  return evaluateField(POLICY, caller, typeName, fieldName, subject);
}

describe('deny rules', () => {
  it('leave the grant alone when the data is the caller department’s own', () => {
    expect(decide(tax, 'Mutation.decideObjection', { personId: A, dept: 'TAX' })).toEqual({
      effect: 'allow',
      ruleId: 'departments-decide',
    });
  });

  it('refuse data of another department, naming the deny rule and the owner', () => {
    expect(decide(tax, 'Mutation.decideObjection', { personId: A, dept: 'AMR' })).toEqual({
      effect: 'deny',
      ruleId: 'decide-own-records-only',
      reason:
        "rule decide-own-records-only lets Mutation.decideObjection act only on data of the caller's " +
        'department; this is data of AMR, so only AMR may',
    });
  });

  it('refuse an id that named nothing readable (fail closed), saying so to the officer', () => {
    expect(decide(tax, 'Mutation.decideObjection', { unresolved: 'no objection X1' })).toEqual({
      effect: 'deny',
      ruleId: 'decide-own-records-only',
      reason:
        "rule decide-own-records-only lets Mutation.decideObjection act only on data of the caller's " +
        'department: no objection X1',
    });
  });

  it('do not apply without the data: the field alone is decided by the grants', () => {
    expect(decide(tax, 'Mutation.decideObjection', {})).toEqual({
      effect: 'allow',
      ruleId: 'departments-decide',
    });
    expect(decide(tax, 'Decision.status', { dept: 'AMR' })).toEqual({
      effect: 'allow',
      ruleId: 'departments-decide',
    });
  });

  it('only narrow grants: where nothing is granted the denial stays the default one', () => {
    const pboc: Caller = { sub: 'p', dept: 'PBOC', roles: [], clientType: 'officer' };
    expect(decide(pboc, 'Mutation.decideObjection', { dept: 'PBOC' }).ruleId).toBe('default-deny');
    expect(decide(pboc, 'Mutation.decideObjection', { dept: 'AMR' })).toEqual({
      effect: 'deny',
      ruleId: 'default-deny',
      reason: 'no rule grants Mutation.decideObjection to officer of PBOC without a purpose',
    });
  });

  it("let a citizen act on their own person's data only; a foreign and a missing id read alike", () => {
    expect(decide(citizenA, 'Mutation.fileObjection', { personId: A })).toEqual({
      effect: 'allow',
      ruleId: 'citizens-object',
    });
    const foreign = decide(citizenA, 'Mutation.fileObjection', { personId: B });
    const missing = decide(citizenA, 'Mutation.fileObjection', {
      unresolved: 'no credit record R9',
    });
    expect(foreign).toEqual({
      effect: 'deny',
      ruleId: 'object-own-records-only',
      reason:
        "rule object-own-records-only lets Mutation.fileObjection act only on the caller's own data",
    });
    expect(missing).toEqual(foreign);
  });

  it('do not grant identity fields', () => {
    expect(decide(tax, 'Person.id', { personId: A })).toEqual({
      effect: 'allow',
      ruleId: 'officers-names',
    });
    expect(decide(citizenA, 'Person.id', { personId: B }).effect).toBe('deny');
  });
});

describe('dependsOnSubject', () => {
  it('is true where a rule matching the caller has a subject condition', () => {
    expect(dependsOnSubject(POLICY, tax, 'Mutation', 'decideObjection')).toBe(true);
    expect(dependsOnSubject(POLICY, citizenA, 'Person', 'name')).toBe(true);
    expect(dependsOnSubject(POLICY, citizenA, 'Person', 'id')).toBe(true);
  });

  it('is false where every rule matching the caller decides alike for every subject', () => {
    expect(dependsOnSubject(POLICY, tax, 'Person', 'name')).toBe(false);
    expect(dependsOnSubject(POLICY, tax, 'Person', 'id')).toBe(false);
    expect(dependsOnSubject(POLICY, tax, 'Decision', 'status')).toBe(false);
    expect(dependsOnSubject(POLICY, citizenA, 'Mutation', 'decideObjection')).toBe(false);
  });
});
