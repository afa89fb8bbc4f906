import { loadMeasures } from '../load-measures';
import { parseMeasures } from '../parse-measures';
import { selectMeasures } from '../select-measures';
import { listStatus } from '../list-status';
import type { CreditCategory } from '../../rules/types';

const catalog = loadMeasures();
const codes = (
  list: 'BLACK' | 'RED' | 'NONE',
  matter: Parameters<typeof selectMeasures>[1],
  categories: CreditCategory[] = [],
  incentivesAllowed = true,
) =>
  selectMeasures(catalog, matter, list, new Set(categories), incentivesAllowed).map(
    (m) => `${m.trigger} ${m.kind} ${m.code}`,
  );

describe('selectMeasures (policy/measures.yaml)', () => {
  it('gives the black list discipline for licensing', () => {
    expect(codes('BLACK', 'LICENSING', ['SERIOUS_BAD'])).toEqual([
      'BLACK DISCIPLINE BLACK_LICENSING_STRICT_REVIEW',
      'BLACK DISCIPLINE BLACK_LICENSING_ONSITE_CHECK',
    ]);
  });

  it('gives the black list exclusion from procurement, and nothing of another matter', () => {
    expect(codes('BLACK', 'GOVERNMENT_PROCUREMENT', ['SERIOUS_BAD'])).toEqual([
      'BLACK DISCIPLINE BLACK_PROCUREMENT_EXCLUDED',
    ]);
  });

  it('gives the red list incentives only', () => {
    expect(codes('RED', 'LICENSING', ['GOOD'])).toEqual([
      'RED INCENTIVE RED_LICENSING_GREEN_CHANNEL',
    ]);
    expect(codes('RED', 'PUBLIC_HIRING', ['GOOD'])).toEqual([
      'RED INCENTIVE RED_HIRING_SAME_CONDITIONS_PRIORITY',
    ]);
  });

  it('withholds every incentive when incentives are not allowed (a standing not ELIGIBLE)', () => {
    expect(codes('RED', 'LICENSING', ['GOOD'], false)).toEqual([]);
    expect(codes('BLACK', 'LICENSING', ['SERIOUS_BAD'], false)).toEqual([
      'BLACK DISCIPLINE BLACK_LICENSING_STRICT_REVIEW',
      'BLACK DISCIPLINE BLACK_LICENSING_ONSITE_CHECK',
    ]);
  });

  it('adds category measures to the list ones, in catalog order', () => {
    expect(codes('BLACK', 'SUBSIDY', ['SERIOUS_BAD', 'GENERAL_BAD'])).toEqual([
      'BLACK DISCIPLINE BLACK_SUBSIDY_RESTRICTED',
      'GENERAL_BAD DISCIPLINE FOCUS_SUBSIDY_STRICT_REVIEW',
    ]);
    expect(codes('NONE', 'LICENSING', ['GENERAL_BAD'])).toEqual([
      'GENERAL_BAD DISCIPLINE FOCUS_LICENSING_COMMITMENT_LIMITED',
    ]);
  });

  it('gives nobody on no list and without a triggering record anything', () => {
    expect(codes('NONE', 'LICENSING', ['MINOR_BAD'])).toEqual([]);
    expect(codes('NONE', 'HONOURS')).toEqual([]);
  });

  it('lists every measure with its Chinese description and legal basis', () => {
    const [measure] = selectMeasures(catalog, 'GOVERNMENT_PROCUREMENT', 'BLACK', new Set(), true);
    expect(measure).toEqual({
      code: 'BLACK_PROCUREMENT_EXCLUDED',
      description: '限制参与政府采购活动',
      kind: 'DISCIPLINE',
      legalBasis: '《中华人民共和国政府采购法》第二十二条；国发〔2016〕33号第（十一）项',
      trigger: 'BLACK',
    });
  });
});

describe('listStatus', () => {
  it('puts the black list before the red one', () => {
    expect(listStatus([{ list: 'RED' }, { list: 'BLACK' }])).toBe('BLACK');
    expect(listStatus([{ list: 'RED' }])).toBe('RED');
    expect(listStatus([])).toBe('NONE');
  });
});

describe('parseMeasures', () => {
  it('names every problem of a broken catalog', () => {
    const text = `version: '1'
entries:
  - list: GREY
    matter: LICENSING
    measures:
      - { code: A, description: x, kind: DISCIPLINE, legalBasis: y }
  - list: BLACK
    category: SERIOUS_BAD
    matter: PARKING
    measures:
      - { code: A, description: x, kind: PUNISH, legalBasis: y }
`;
    expect(() => parseMeasures(text, 'm.yaml')).toThrow(
      [
        'Invalid m.yaml (4 problems):',
        '  - entries[0].list: unknown value "GREY" (expected one of BLACK, RED)',
        '  - entries[1]: must give exactly one of list and category',
        '  - entries[1].matter: unknown value "PARKING" (expected one of LICENSING, GOVERNMENT_PROCUREMENT, PUBLIC_HIRING, SUBSIDY, HONOURS)',
        '  - entries[1].measures[0].kind: unknown value "PUNISH" (expected one of INCENTIVE, DISCIPLINE)',
      ].join('\n'),
    );
  });
});
