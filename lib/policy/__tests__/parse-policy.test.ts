import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { parsePolicy } from '../parse-policy';

const DEPTS = 'PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT';
const CLIENTS = 'officer, system, citizen, org, auditor, developer, public';
const PURPOSES =
  'ADMIN_LICENSING, ADMIN_ENFORCEMENT, JOINT_DISCIPLINE, PUBLIC_SERVICE, CREDIT_REPAIR, ' +
  'JUDICIAL, AUTHORIZED_QUERY, DATA_ENTRY, SELF_QUERY, AUDIT_REVIEW';

/** A valid rule; tests override one part at a time. */
function rule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'psb-names',
    description: 'PSB keeps the register.',
    fields: ['Person.name'],
    when: { dept: ['PSB'] },
    effect: 'allow',
    ...overrides,
  };
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

function text(rules: unknown[], root: Record<string, unknown> = {}): string {
  return stringify({ format: 1, identityFields: ['Person.id'], ...root, rules });
}

/** The whole error message for the given problems. */
function problems(...lines: string[]): string {
  const count = `${lines.length} problem${lines.length === 1 ? '' : 's'}`;
  return `Invalid policy test.yaml (${count}):\n` + lines.map((line) => `  - ${line}`).join('\n');
}

function errorOf(source: string): string {
  try {
    parsePolicy(source, 'test.yaml');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the policy to be refused');
}

describe('parsePolicy', () => {
  it('reads rules, identity fields and scopes, versioned by the content hash', () => {
    const source = text(
      [
        rule(),
        rule({
          id: 'org-summary',
          fields: ['Person.*'],
          when: { clientType: ['org'], purpose: ['AUTHORIZED_QUERY'], subject: 'consented' },
        }),
        rule({
          id: 'names-masked',
          when: { roles: ['licensing'], dept: ['TAX'] },
          effect: 'mask:name',
        }),
      ],
      { scopes: { SUMMARY: ['Person.name', 'CreditProfile.*'] } },
    );
    const policy = parsePolicy(source, 'test.yaml');
    expect(policy.version).toBe(
      createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 12),
    );
    expect(policy.version).toMatch(/^[0-9a-f]{12}$/);
    expect({ ...policy, version: 'v', index: undefined }).toEqual({
      version: 'v',
      source: 'test.yaml',
      identityFields: ['Person.id'],
      scopes: { SUMMARY: ['Person.name', 'CreditProfile.*'] },
      rules: [
        {
          id: 'psb-names',
          description: 'PSB keeps the register.',
          fields: ['Person.name'],
          when: { dept: ['PSB'] },
          effect: { kind: 'allow' },
          order: 0,
        },
        {
          id: 'org-summary',
          description: 'PSB keeps the register.',
          fields: ['Person.*'],
          when: { clientType: ['org'], purpose: ['AUTHORIZED_QUERY'], subject: 'consented' },
          effect: { kind: 'allow' },
          order: 1,
        },
        {
          id: 'names-masked',
          description: 'PSB keeps the register.',
          fields: ['Person.name'],
          when: { roles: ['licensing'], dept: ['TAX'] },
          effect: { kind: 'mask', masker: 'name' },
          order: 2,
        },
      ],
      index: undefined,
    });
  });

  it('gives a different version to any change of the text', () => {
    const a = parsePolicy(text([rule()]), 'test.yaml');
    const b = parsePolicy(text([rule()]) + '# a comment\n', 'test.yaml');
    expect(a.version).not.toBe(b.version);
  });

  it('refuses an unknown dept', () => {
    expect(errorOf(text([rule({ when: { dept: ['POLICE'] } })]))).toBe(
      problems(`rules[0] (psb-names).when.dept: unknown dept POLICE (expected one of ${DEPTS})`),
    );
  });

  it('refuses an unknown clientType', () => {
    expect(errorOf(text([rule({ when: { clientType: ['robot'] } })]))).toBe(
      problems(
        `rules[0] (psb-names).when.clientType: unknown clientType robot (expected one of ${CLIENTS})`,
      ),
    );
  });

  it('refuses an unknown purpose', () => {
    expect(errorOf(text([rule({ when: { purpose: ['CURIOSITY'] } })]))).toBe(
      problems(
        `rules[0] (psb-names).when.purpose: unknown purpose CURIOSITY (expected one of ${PURPOSES})`,
      ),
    );
  });

  it('refuses an unknown subject condition', () => {
    expect(errorOf(text([rule({ when: { subject: 'anyone' } })]))).toBe(
      problems(
        'rules[0] (psb-names).when.subject: unknown subject "anyone" ' +
          '(expected one of self, consented, another-person, another-dept)',
      ),
    );
  });

  it('refuses an unknown masker', () => {
    expect(errorOf(text([rule({ effect: 'mask:blur' })]))).toBe(
      problems(
        'rules[0] (psb-names).effect: unknown masker blur ' +
          '(expected one of idNumber, name, address, amount, date, phone)',
      ),
    );
  });

  it('refuses an effect that is neither allow, deny nor mask', () => {
    expect(errorOf(text([rule({ effect: 'block' })]))).toBe(
      problems('rules[0] (psb-names).effect: must be allow, deny or mask:<masker>, got "block"'),
    );
  });

  it('reads a deny rule with a data condition', () => {
    const policy = parsePolicy(
      text([
        rule({
          fields: ['Mutation.decideObjection'],
          when: { dept: ['PSB'], subject: 'another-dept' },
          effect: 'deny',
        }),
      ]),
      'test.yaml',
    );
    expect(policy.rules[0]).toMatchObject({
      id: 'psb-names',
      fields: ['Mutation.decideObjection'],
      when: { dept: ['PSB'], subject: 'another-dept' },
      effect: { kind: 'deny' },
    });
  });

  it('refuses a deny rule without a data condition: deny by default already refuses', () => {
    const decide = ['Mutation.decideObjection'];
    expect(
      errorOf(
        text([
          rule({ fields: decide, effect: 'deny' }),
          rule({ id: 'b', fields: decide, effect: 'deny', when: { subject: 'self' } }),
        ]),
      ),
    ).toBe(
      problems(
        'rules[0] (psb-names).when.subject: a deny rule needs subject another-person or ' +
          'another-dept (deny by default already refuses whatever no rule grants)',
        'rules[1] (b).when.subject: a deny rule needs subject another-person or another-dept ' +
          '(deny by default already refuses whatever no rule grants)',
      ),
    );
  });

  it('refuses a deny rule on a field whose data cannot tell what its condition compares', () => {
    expect(
      errorOf(
        text([
          rule({ when: { subject: 'another-person' }, effect: 'deny' }),
          rule({
            id: 'kind',
            fields: ['Mutation.recordGoodConduct', 'Mutation.revokeConsent'],
            when: { subject: 'another-dept' },
            effect: 'deny',
          }),
        ]),
      ),
    ).toBe(
      problems(
        'rules[0] (psb-names).fields: Person.name: subject another-person needs a field whose ' +
          'argument names data telling its person (one of Mutation.fileObjection, ' +
          'Mutation.applyForRepair, Mutation.decideObjection, Mutation.decideRepair, ' +
          'Mutation.reportMeasureFeedback, Mutation.revokeConsent)',
        'rules[1] (kind).fields: Mutation.revokeConsent: subject another-dept needs a field whose ' +
          'argument names data telling its department (one of Mutation.fileObjection, ' +
          'Mutation.applyForRepair, Mutation.decideObjection, Mutation.decideRepair, ' +
          'Mutation.reportMeasureFeedback, Mutation.recordGoodConduct)',
      ),
    );
  });

  it('refuses a deny condition in a grant: it would open data of others', () => {
    expect(
      errorOf(
        text([
          rule({ when: { subject: 'another-person' } }),
          rule({ id: 'm', effect: 'mask:name', when: { subject: 'another-dept' } }),
        ]),
      ),
    ).toBe(
      problems(
        'rules[0] (psb-names).when.subject: subject another-person is for deny rules; ' +
          'an allow rule may give self or consented',
        'rules[1] (m).when.subject: subject another-dept is for deny rules; ' +
          'a mask rule may give self or consented',
      ),
    );
  });

  it('refuses a rule with no condition, missing or empty', () => {
    const withoutWhen = without(rule(), 'when');
    expect(errorOf(text([withoutWhen, rule({ id: 'empty', when: {} })]))).toBe(
      problems(
        'rules[0] (psb-names).when: is required: a rule with no condition would grant everyone',
        'rules[1] (empty).when: has no condition: a rule with no condition would grant everyone',
      ),
    );
  });

  it('refuses withoutRoles as the only condition', () => {
    expect(errorOf(text([rule({ when: { withoutRoles: ['credit-collector'] } })]))).toBe(
      problems(
        'rules[0] (psb-names).when.withoutRoles: is not a condition on its own: a rule with only it would grant almost everyone',
      ),
    );
  });

  it('refuses an empty condition list', () => {
    expect(errorOf(text([rule({ when: { dept: [] } })]))).toBe(
      problems('rules[0] (psb-names).when.dept: must be a non-empty list'),
    );
  });

  it('refuses an unknown condition key', () => {
    expect(errorOf(text([rule({ when: { dept: ['PSB'], department: ['TAX'] } })]))).toBe(
      problems(
        'rules[0] (psb-names).when.department: unknown key ' +
          '(expected one of dept, roles, withoutRoles, clientType, purpose, subject)',
      ),
    );
  });

  it('refuses a duplicate id, naming both rules', () => {
    expect(errorOf(text([rule(), rule()]))).toBe(
      problems('rules[1] (psb-names).id: duplicate id psb-names (also rules[0])'),
    );
  });

  it('refuses a missing, reserved or malformed id', () => {
    const withoutId = without(rule(), 'id');
    expect(errorOf(text([withoutId, rule({ id: 'default-deny' }), rule({ id: 'Tax Rule' })]))).toBe(
      problems(
        'rules[0].id: is required (a string)',
        'rules[1] (default-deny).id: "default-deny" is reserved',
        'rules[2] (Tax Rule).id: must be kebab-case (a-z, 0-9, -)',
      ),
    );
  });

  it('refuses malformed fields', () => {
    const fields = ['Person', 'Person.', 'Person.name.first', '*.name', 'Person.na-me', 42];
    expect(errorOf(text([rule({ fields })]))).toBe(
      problems(
        'rules[0] (psb-names).fields: 42 is not a non-empty string',
        'rules[0] (psb-names).fields: malformed field "Person" (expected Type.field or Type.*)',
        'rules[0] (psb-names).fields: malformed field "Person." (expected Type.field or Type.*)',
        'rules[0] (psb-names).fields: malformed field "Person.name.first" (expected Type.field or Type.*)',
        'rules[0] (psb-names).fields: malformed field "*.name" (expected Type.field or Type.*)',
        'rules[0] (psb-names).fields: malformed field "Person.na-me" (expected Type.field or Type.*)',
      ),
    );
  });

  it('refuses fields listed twice, introspection and federation internals', () => {
    const fields = ['Person.name', 'Person.name', 'Person.__typename', 'Query._entities'];
    expect(errorOf(text([rule({ fields })]))).toBe(
      problems(
        'rules[0] (psb-names).fields: Person.name is listed twice',
        'rules[0] (psb-names).fields: Person.__typename: introspection fields are not governed by the policy',
        'rules[0] (psb-names).fields: Query._entities: federation internals are always allowed by the subgraph kit',
      ),
    );
  });

  it('refuses a rule without fields or description', () => {
    expect(errorOf(text([rule({ fields: [], description: ' ' })]))).toBe(
      problems(
        'rules[0] (psb-names).description: is required: say why this caller may see these fields',
        'rules[0] (psb-names).fields: must be a non-empty list',
      ),
    );
  });

  it('refuses a mask on a wildcard or on an identity field', () => {
    expect(
      errorOf(text([rule({ fields: ['Person.*', 'Person.id'], effect: 'mask:idNumber' })])),
    ).toBe(
      problems(
        'rules[0] (psb-names).fields: Person.*: a mask applies to listed fields, not Type.*',
        'rules[0] (psb-names).fields: Person.id is an identity field and cannot be masked ' +
          '(federation joins on its value)',
      ),
    );
  });

  it('refuses unknown keys in a rule and at the root', () => {
    expect(errorOf(text([rule({ effects: 'allow' })], { version: 3 }))).toBe(
      problems(
        '(root).version: unknown key (expected one of format, identityFields, scopes, rules)',
        'rules[0] (psb-names).effects: unknown key (expected one of id, description, fields, when, effect)',
      ),
    );
  });

  it('refuses a wrong format, bad identity fields and bad scope names', () => {
    const source = text([rule()], {
      format: 2,
      identityFields: ['Person.*'],
      scopes: { summary: ['Person.name'] },
    });
    expect(errorOf(source)).toBe(
      problems(
        'format: must be 1, got 2',
        'identityFields: malformed field "Person.*" (expected Type.field)',
        'scopes.summary: scope names are UPPER_SNAKE_CASE (field keys are Type.field)',
      ),
    );
  });

  it('refuses a file without rules', () => {
    expect(errorOf(stringify({ format: 1, rules: [] }))).toBe(
      problems('rules: must be a non-empty list'),
    );
  });

  it('refuses YAML with duplicate keys', () => {
    expect(errorOf('format: 1\nformat: 1\nrules: []\n')).toMatch(
      /^Invalid policy test\.yaml \(1 problem\):\n {2}- \(file\): not valid YAML: Map keys must be unique/,
    );
  });

  it('reports every problem of the file at once', () => {
    const source = text([
      rule({ when: { dept: ['POLICE'] } }),
      rule({ id: 'second', effect: 'mask:blur' }),
    ]);
    expect(errorOf(source)).toBe(
      problems(
        `rules[0] (psb-names).when.dept: unknown dept POLICE (expected one of ${DEPTS})`,
        'rules[1] (second).effect: unknown masker blur ' +
          '(expected one of idNumber, name, address, amount, date, phone)',
      ),
    );
  });
});
