import { RULES } from '../../rules/__tests__/support/rules-fixture';
import { checkMeasuresAgainstRules } from '../check-measures-against-rules';
import { loadMeasures } from '../load-measures';
import { parseMeasures } from '../parse-measures';

describe('checkMeasuresAgainstRules', () => {
  it('accepts the shipped measures with the shipped-like rules', () => {
    expect(() => checkMeasuresAgainstRules(loadMeasures(), RULES)).not.toThrow();
  });

  it('refuses a discipline the green channel does not exclude and an incentive a bad record allows', () => {
    const text = `version: '1'
entries:
  - category: MINOR_BAD
    matter: LICENSING
    measures:
      - { code: MINOR_STRICT, description: x, kind: DISCIPLINE, legalBasis: y }
  - category: GOOD
    matter: HONOURS
    measures:
      - { code: GOOD_PRIORITY, description: x, kind: INCENTIVE, legalBasis: y }
  - list: BLACK
    matter: LICENSING
    measures:
      - { code: BLACK_STRICT, description: x, kind: DISCIPLINE, legalBasis: y }
`;
    expect(() => checkMeasuresAgainstRules(parseMeasures(text), RULES)).toThrow(
      'policy/measures.yaml contradicts the green channel of policy/credit-rules.yaml:\n' +
        '  - entries[0] MINOR_STRICT: DISCIPLINE for MINOR_BAD, which the green channel does not ' +
        'exclude (greenChannel.excludedLists / badCategories)\n' +
        '  - entries[1] GOOD_PRIORITY: INCENTIVE for GOOD, which a displayed bad record does not ' +
        'rule out (it must be a list whose unlessDisplayed holds every bad category)',
    );
  });
});
