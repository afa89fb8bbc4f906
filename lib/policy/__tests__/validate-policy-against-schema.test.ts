import { buildSchema } from 'graphql';
import { stringify } from 'yaml';
import { parsePolicy } from '../parse-policy';
import { validatePolicyAgainstSchema } from '../validate-policy-against-schema';

const schema = buildSchema(`
  type Query { person(id: ID!): Person }
  interface Node { id: ID! }
  type Person implements Node {
    id: ID!
    name: String!
    nicknames: [String!]
    birthDate: String
    tax: TaxInfo
  }
  type TaxInfo { arrears: Float! arrearsRange: String }
  enum Gender { MALE FEMALE }
`);

function policyOf(
  rules: { fields: string[]; effect?: string }[],
  root: Record<string, unknown> = {},
): ReturnType<typeof parsePolicy> {
  return parsePolicy(
    stringify({
      format: 1,
      identityFields: ['Person.id'],
      ...root,
      rules: rules.map((rule, index) => ({
        id: `rule-${index}`,
        description: 'why',
        fields: rule.fields,
        when: { dept: ['PSB'] },
        effect: rule.effect ?? 'allow',
      })),
    }),
    'test.yaml',
  );
}

function problems(...lines: string[]): string {
  const count = `${lines.length} problem${lines.length === 1 ? '' : 's'}`;
  return `Invalid policy test.yaml (${count}):\n` + lines.map((line) => `  - ${line}`).join('\n');
}

function errorOf(check: () => void): string {
  try {
    check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '(no error)';
}

describe('validatePolicyAgainstSchema', () => {
  it('accepts existing fields, wildcards and maskers that fit', () => {
    const policy = policyOf(
      [
        { fields: ['Query.person', 'Person.*', 'TaxInfo.arrears'] },
        { fields: ['Person.name', 'Person.nicknames'], effect: 'mask:name' },
        { fields: ['Person.birthDate'], effect: 'mask:date' },
        { fields: ['TaxInfo.arrearsRange'], effect: 'mask:amount' },
      ],
      { scopes: { SUMMARY: ['Person.name', 'TaxInfo.*'] } },
    );
    expect(() => validatePolicyAgainstSchema(policy, schema)).not.toThrow();
  });

  it('names unknown types and fields, listing the fields the type has', () => {
    const policy = policyOf([{ fields: ['Person.nmae', 'CourtInfo.*', 'Court.cases'] }]);
    expect(errorOf(() => validatePolicyAgainstSchema(policy, schema))).toBe(
      problems(
        'rules[0] (rule-0).fields: unknown field Person.nmae (Person has id, name, nicknames, birthDate, tax)',
        'rules[0] (rule-0).fields: unknown type CourtInfo in CourtInfo.*',
        'rules[0] (rule-0).fields: unknown type Court in Court.cases',
      ),
    );
  });

  it('refuses fields of types that are not object types', () => {
    const policy = policyOf([{ fields: ['Node.id', 'Gender.*'] }]);
    expect(errorOf(() => validatePolicyAgainstSchema(policy, schema))).toBe(
      problems(
        'rules[0] (rule-0).fields: Node.id: Node is not an object type',
        'rules[0] (rule-0).fields: Gender.*: Gender is not an object type',
      ),
    );
  });

  it('refuses a masker on a field whose type it cannot carry', () => {
    const policy = policyOf([
      { fields: ['TaxInfo.arrears'], effect: 'mask:amount' },
      { fields: ['Person.tax'], effect: 'mask:name' },
    ]);
    expect(errorOf(() => validatePolicyAgainstSchema(policy, schema))).toBe(
      problems(
        'rules[0] (rule-0).fields: masker amount cannot mask TaxInfo.arrears of type Float! (it applies to String)',
        'rules[1] (rule-1).fields: masker name cannot mask Person.tax of type TaxInfo (it applies to String)',
      ),
    );
  });

  it('checks identity fields and consent scopes too', () => {
    const policy = policyOf([{ fields: ['Person.name'] }], {
      identityFields: ['Enterprise.uscc'],
      scopes: { SUMMARY: ['Person.score'] },
    });
    expect(errorOf(() => validatePolicyAgainstSchema(policy, schema))).toBe(
      problems(
        'identityFields: unknown type Enterprise in Enterprise.uscc',
        'scopes.SUMMARY: unknown field Person.score (Person has id, name, nicknames, birthDate, tax)',
      ),
    );
  });

  it('with allowMissing accepts what one subgraph lacks but still checks maskers', () => {
    const policy = policyOf([
      { fields: ['Person.creditProfile', 'CreditProfile.*'] },
      { fields: ['TaxInfo.arrears'], effect: 'mask:amount' },
    ]);
    expect(errorOf(() => validatePolicyAgainstSchema(policy, schema, { allowMissing: true }))).toBe(
      problems(
        'rules[1] (rule-1).fields: masker amount cannot mask TaxInfo.arrears of type Float! (it applies to String)',
      ),
    );
  });
});
