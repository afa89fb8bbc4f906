import { loadCatalog } from '../load-catalog';
import { parseCatalog } from '../parse-catalog';

const HEADER = `version: '1'
categories:
  GOOD: { maxDisplayMonths: 36 }
  MINOR_BAD: { maxDisplayMonths: 3 }
  GENERAL_BAD: { maxDisplayMonths: 12 }
  SERIOUS_BAD: { maxDisplayMonths: 36 }
items:
`;

function catalogWith(items: string): string {
  return HEADER + items;
}

const ARREARS = `  - { code: TAX_ARREARS, name: 欠缴税款, category: GENERAL_BAD, sourceDept: TAX, displayMonths: 12, minDisplayMonths: 3, points: -30 }
`;

describe('loadCatalog', () => {
  it('loads every catalog code of the policy file with its category and period', () => {
    const catalog = loadCatalog();
    expect(catalog.version).toBe('2025.1');
    expect(catalog.items.map((item) => [item.code, item.category, item.sourceDept])).toEqual([
      ['TAX_ARREARS', 'GENERAL_BAD', 'TAX'],
      ['TAX_MAJOR_VIOLATION', 'SERIOUS_BAD', 'TAX'],
      ['TAX_LATE_FILING', 'MINOR_BAD', 'TAX'],
      ['TAX_A_LEVEL', 'GOOD', 'TAX'],
      ['COURT_DISHONEST_DEBTOR', 'SERIOUS_BAD', 'COURT'],
      ['COURT_CONSUMPTION_RESTRICTED', 'GENERAL_BAD', 'COURT'],
      ['AMR_PENALTY_MINOR', 'MINOR_BAD', 'AMR'],
      ['AMR_PENALTY', 'GENERAL_BAD', 'AMR'],
      ['AMR_ABNORMAL_ENTERPRISE_LEGAL_REP', 'GENERAL_BAD', 'AMR'],
      ['AMR_SERIOUS_ILLEGAL_LEGAL_REP', 'SERIOUS_BAD', 'AMR'],
      ['AMR_CONTRACT_HONOUR', 'GOOD', 'AMR'],
      ['EDU_EXAM_CHEATING', 'GENERAL_BAD', 'EDU'],
      ['EDU_ACADEMIC_FRAUD', 'SERIOUS_BAD', 'EDU'],
      ['EDU_STUDENT_LOAN_DEFAULT', 'GENERAL_BAD', 'EDU'],
      ['EDU_FORGED_EMPLOYMENT_PAPERS', 'GENERAL_BAD', 'EDU'],
      ['EDU_EXCELLENT_TEACHER', 'GOOD', 'EDU'],
      ['CIVIL_VOLUNTEER_SERVICE', 'GOOD', 'CIVIL'],
      ['CIVIL_CHARITY_DONATION', 'GOOD', 'CIVIL'],
      ['HONOUR_MODEL_WORKER', 'GOOD', 'NDRC'],
    ]);
    expect(catalog.byCode.get('COURT_DISHONEST_DEBTOR')).toEqual({
      code: 'COURT_DISHONEST_DEBTOR',
      name: '失信被执行人',
      category: 'SERIOUS_BAD',
      sourceDept: 'COURT',
      displayMonths: 24,
      minDisplayMonths: 12,
      endsWhenPerformed: true,
      points: -150,
    });
  });

  it('reads an item with defaults for the optional fields', () => {
    const catalog = parseCatalog(
      catalogWith(
        '  - { code: TAX_ARREARS, name: 欠缴税款, category: GENERAL_BAD, sourceDept: TAX, displayMonths: 12, minDisplayMonths: 3 }\n',
      ),
    );
    expect(catalog.items).toEqual([
      {
        code: 'TAX_ARREARS',
        name: '欠缴税款',
        category: 'GENERAL_BAD',
        sourceDept: 'TAX',
        displayMonths: 12,
        minDisplayMonths: 3,
        endsWhenPerformed: false,
        points: null,
      },
    ]);
  });

  it.each([
    [
      'an unknown category',
      '  - { code: X_ONE, name: 一, category: BAD, sourceDept: TAX, displayMonths: 3, minDisplayMonths: 0 }\n',
      'items[0] (X_ONE).category: unknown value "BAD" (expected one of GOOD, MINOR_BAD, GENERAL_BAD, SERIOUS_BAD)',
    ],
    [
      'a negative period',
      '  - { code: X_ONE, name: 一, category: MINOR_BAD, sourceDept: TAX, displayMonths: -3, minDisplayMonths: 0 }\n',
      'items[0] (X_ONE).displayMonths: must be at least 1, got -3',
    ],
    [
      'a period above the category maximum',
      '  - { code: X_ONE, name: 一, category: MINOR_BAD, sourceDept: TAX, displayMonths: 6, minDisplayMonths: 0 }\n',
      'items[0] (X_ONE).displayMonths: 6 exceeds the MINOR_BAD maximum of 3 months',
    ],
    [
      'a minimum display above the period',
      '  - { code: X_ONE, name: 一, category: GENERAL_BAD, sourceDept: TAX, displayMonths: 6, minDisplayMonths: 9 }\n',
      'items[0] (X_ONE).minDisplayMonths: 9 exceeds displayMonths 6',
    ],
    [
      'a duplicate code',
      ARREARS + ARREARS,
      'items[1] (TAX_ARREARS).code: duplicate code TAX_ARREARS',
    ],
    [
      'a GOOD item with negative points',
      '  - { code: X_ONE, name: 一, category: GOOD, sourceDept: CIVIL, displayMonths: 12, minDisplayMonths: 0, points: -5 }\n',
      'items[0] (X_ONE).points: a GOOD item cannot have negative points, got -5',
    ],
    [
      'a bad item with positive points',
      '  - { code: X_ONE, name: 一, category: SERIOUS_BAD, sourceDept: AMR, displayMonths: 12, minDisplayMonths: 0, points: 5 }\n',
      'items[0] (X_ONE).points: a SERIOUS_BAD item cannot have positive points, got 5',
    ],
    [
      'an unknown department',
      '  - { code: X_ONE, name: 一, category: GOOD, sourceDept: PSB, displayMonths: 12, minDisplayMonths: 0 }\n',
      'items[0] (X_ONE).sourceDept: unknown value "PSB" (expected one of TAX, COURT, AMR, EDU, CIVIL, NDRC)',
    ],
    [
      'an unknown field',
      '  - { code: X_ONE, name: 一, category: GOOD, sourceDept: CIVIL, displayMonths: 12, minDisplayMonths: 0, display: 3 }\n',
      'items[0] (X_ONE).display: unknown field (expected one of code, name, category, sourceDept, displayMonths, minDisplayMonths, endsWhenPerformed, points)',
    ],
    [
      'a missing name',
      '  - { code: X_ONE, category: GOOD, sourceDept: CIVIL, displayMonths: 12, minDisplayMonths: 0 }\n',
      'items[0] (X_ONE).name: is required',
    ],
  ])('refuses %s, naming the item and field', (_case, items, problem) => {
    expect(() => parseCatalog(catalogWith(items))).toThrow(
      new Error(`Invalid policy/catalog.yaml (1 problem):\n  - ${problem}`),
    );
  });

  it('lists every problem of the file at once', () => {
    const text = `version: 2025
categories: { GOOD: { maxDisplayMonths: 36 } }
items: []
`;
    expect(() => parseCatalog(text, 'catalog.yaml')).toThrow(
      new Error(
        'Invalid catalog.yaml (5 problems):\n' +
          '  - (root).version: must be a string, got number 2025 (quote it)\n' +
          '  - categories.MINOR_BAD: must be a mapping\n' +
          '  - categories.GENERAL_BAD: must be a mapping\n' +
          '  - categories.SERIOUS_BAD: must be a mapping\n' +
          '  - items: must be a non-empty list',
      ),
    );
  });

  it('refuses text that is not YAML', () => {
    expect(() => parseCatalog('items: [', 'catalog.yaml')).toThrow(
      /^Invalid catalog.yaml: not valid YAML: /,
    );
  });
});
