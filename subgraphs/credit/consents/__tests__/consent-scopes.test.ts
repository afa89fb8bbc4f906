import { loadPolicy } from '../../../../lib/policy/load-policy';
import { parsePolicy } from '../../../../lib/policy/parse-policy';
import { consentScopesArg, isConsentableScope } from '../consent-scopes';

const policy = loadPolicy();

/** What consentScopesArg says about `values`: the scopes, or the refusal's reason. */
function outcome(values: readonly unknown[]): unknown {
  try {
    return consentScopesArg(policy, 'scopes', values);
  } catch (error) {
    const { extensions, message } = error as {
      extensions: Record<string, unknown>;
      message: string;
    };
    return { code: extensions.code, argument: extensions.argument, message };
  }
}

describe('isConsentableScope', () => {
  it('accepts the named scopes and the keys a consented rule of the policy can open', () => {
    const scopes = [
      'CREDIT_SUMMARY',
      'Query.person',
      'Person.creditProfile',
      'CreditProfile.score',
      'CreditProfile.*',
      'SourceCollection.stale',
      'Person.name',
      'Person.tax',
      'TaxArrear.amount',
      'CreditProfile.breakdown',
      'credit_summary',
      'EVERYTHING',
      'Person',
    ];
    expect(scopes.map((scope) => [scope, isConsentableScope(policy, scope)])).toEqual([
      ['CREDIT_SUMMARY', true],
      ['Query.person', true],
      ['Person.creditProfile', true],
      ['CreditProfile.score', true],
      ['CreditProfile.*', true],
      ['SourceCollection.stale', true],
      ['Person.name', true],
      ['Person.tax', false],
      ['TaxArrear.amount', false],
      ['CreditProfile.breakdown', false],
      ['credit_summary', false],
      ['EVERYTHING', false],
      ['Person', false],
    ]);
  });

  it('follows the loaded policy: a Type.* rule makes every field of the type consentable', () => {
    const wide = parsePolicy(
      `format: 1
rules:
  - id: org-tax
    description: test
    fields: [TaxInfo.*]
    when: { clientType: [org], subject: consented }
    effect: allow
`,
      'inline',
    );
    expect(
      ['TaxInfo.arrears', 'TaxInfo.*', 'CREDIT_SUMMARY', 'CreditProfile.score'].map((scope) =>
        isConsentableScope(wide, scope),
      ),
    ).toEqual([true, true, false, false]);
  });
});

describe('consentScopesArg', () => {
  it('returns the scopes trimmed, without duplicates, in the order given', () => {
    expect(outcome([' CREDIT_SUMMARY', 'Person.creditProfile', 'CREDIT_SUMMARY'])).toEqual([
      'CREDIT_SUMMARY',
      'Person.creditProfile',
    ]);
  });

  it('refuses an empty list, too many scopes and the first unknown scope, naming the argument', () => {
    expect([
      outcome([]),
      outcome(Array.from({ length: 51 }, (_, i) => `CreditProfile.f${i}`)),
      outcome(['CREDIT_SUMMARY', 'Person.tax', 'X']),
    ]).toEqual([
      {
        code: 'BAD_USER_INPUT',
        argument: 'scopes',
        message: 'Invalid argument scopes: name at least one scope',
      },
      {
        code: 'BAD_USER_INPUT',
        argument: 'scopes',
        message: 'Invalid argument scopes: at most 50 scopes, got 51',
      },
      {
        code: 'BAD_USER_INPUT',
        argument: 'scopes',
        message:
          'Invalid argument scopes: unknown scope "Person.tax": use a named scope (CREDIT_SUMMARY) or a Type.field an organisation may be granted by consent',
      },
    ]);
  });
});
