import { DEPARTMENT_CODES } from '../../../../lib/departments/department-codes';
import { loadCatalog } from '../load-catalog';
import { parseCatalog } from '../parse-catalog';

const HEADER = `version: '1'
categories:
  GOOD: { minDisplayMonths: 0, maxDisplayMonths: 36, legalBasis: county rule }
  MINOR_BAD: { minDisplayMonths: 0, maxDisplayMonths: 3, maxPublicationMonths: 3, legalBasis: 令2025年第36号 轻微 }
  GENERAL_BAD: { minDisplayMonths: 3, maxDisplayMonths: 12, maxPublicationMonths: 12, legalBasis: 令2025年第36号 一般 }
  SERIOUS_BAD: { minDisplayMonths: 12, maxDisplayMonths: 36, maxPublicationMonths: 36, legalBasis: 令2025年第36号 严重 }
items:
`;

function catalogWith(items: string): string {
  return HEADER + items;
}

const BASE: Record<string, string> = {
  code: 'X_ONE',
  name: '一',
  category: 'GENERAL_BAD',
  sourceDept: 'TAX',
  minDisplayMonths: '3',
  maxDisplayMonths: '12',
  repair: 'CREDIT_PLATFORM',
  legalBasis: '令2025年第36号',
};

/** One item line: a valid GENERAL_BAD item with `fields` (`key: value, ...`) replaced or added. */
function item(fields: string): string {
  const merged = { ...BASE };
  for (const pair of fields.split(', ').filter((text) => text !== '')) {
    const [key, value] = pair.split(': ');
    merged[key] = value;
  }
  const body = Object.entries(merged)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return `  - { ${body} }\n`;
}

const ARREARS =
  '  - { code: TAX_ARREARS, name: 欠缴税款, category: GENERAL_BAD, sourceDept: TAX, ' +
  'minDisplayMonths: 3, maxDisplayMonths: 12, repair: CREDIT_PLATFORM, legalBasis: x }\n';

describe('loadCatalog', () => {
  it('loads every catalog code of the policy file with its category and period', () => {
    const catalog = loadCatalog();
    expect(catalog.version).toBe('2025.3');
    expect(catalog.items.map((entry) => [entry.code, entry.category, entry.sourceDept])).toEqual([
      ['TAX_ARREARS', 'GENERAL_BAD', 'TAX'],
      ['TAX_MAJOR_VIOLATION', 'SERIOUS_BAD', 'TAX'],
      ['TAX_LATE_FILING', 'MINOR_BAD', 'TAX'],
      ['TAX_PENALTY', 'GENERAL_BAD', 'TAX'],
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
      ['HRSS_CIVIL_SERVANT_SANCTION', 'GENERAL_BAD', 'HRSS'],
      ['HRSS_WAGE_ARREARS_LISTING', 'SERIOUS_BAD', 'HRSS'],
      ['HRSS_SOCIAL_INSURANCE_FRAUD', 'GENERAL_BAD', 'HRSS'],
      ['HEALTH_PRACTICE_VIOLATION', 'GENERAL_BAD', 'HEALTH'],
      ['HEALTH_LICENCE_REVOKED', 'SERIOUS_BAD', 'HEALTH'],
      ['JUSTICE_DISCIPLINARY_SANCTION', 'GENERAL_BAD', 'JUSTICE'],
      ['JUSTICE_PRACTICE_SUSPENDED', 'GENERAL_BAD', 'JUSTICE'],
      ['JUSTICE_LICENCE_REVOKED', 'SERIOUS_BAD', 'JUSTICE'],
      ['CIVIL_VOLUNTEER_SERVICE', 'GOOD', 'CIVIL'],
      ['CIVIL_CHARITY_DONATION', 'GOOD', 'CIVIL'],
      ['HONOUR_MODEL_WORKER', 'GOOD', 'NDRC'],
    ]);
    expect(catalog.byCode.get('COURT_DISHONEST_DEBTOR')).toEqual({
      code: 'COURT_DISHONEST_DEBTOR',
      name: '失信被执行人',
      category: 'SERIOUS_BAD',
      sourceDept: 'COURT',
      minDisplayMonths: 12,
      maxDisplayMonths: 24,
      repair: 'SOURCE_DECISION',
      endsWhenPerformed: true,
      displayWhileOutstanding: false,
      publicationMonths: null,
      points: -150,
      legalBasis: expect.stringContaining('法释〔2017〕7号'),
    });
    expect(catalog.categories.SERIOUS_BAD).toEqual({
      minDisplayMonths: 12,
      maxDisplayMonths: 36,
      maxPublicationMonths: 36,
      legalBasis: expect.stringContaining('国家发展和改革委员会令2025年第36号'),
    });
  });

  it('states for every item of the policy file its periods, repair route and legal basis', () => {
    for (const entry of loadCatalog().items) {
      expect({ code: entry.code, legalBasis: entry.legalBasis.length > 10 }).toEqual({
        code: entry.code,
        legalBasis: true,
      });
    }
    const catalog = loadCatalog();
    const routes = (route: string) =>
      catalog.items.filter((entry) => entry.repair === route).map((entry) => entry.code);
    expect(routes('SOURCE_DECISION')).toEqual([
      'COURT_DISHONEST_DEBTOR',
      'COURT_CONSUMPTION_RESTRICTED',
      'HRSS_WAGE_ARREARS_LISTING',
    ]);
    expect(
      catalog.items.filter((entry) => entry.displayWhileOutstanding).map((entry) => entry.code),
    ).toEqual([
      'TAX_ARREARS',
      'COURT_CONSUMPTION_RESTRICTED',
      'EDU_STUDENT_LOAN_DEFAULT',
      'HRSS_SOCIAL_INSURANCE_FRAUD',
      'JUSTICE_PRACTICE_SUSPENDED',
    ]);
    expect(
      catalog.items.filter((entry) => entry.publicationMonths !== null).map((e) => e.code),
    ).toEqual([
      'TAX_MAJOR_VIOLATION',
      'TAX_PENALTY',
      'AMR_PENALTY',
      'HRSS_SOCIAL_INSURANCE_FRAUD',
      'HEALTH_PRACTICE_VIOLATION',
      'HEALTH_LICENCE_REVOKED',
      'JUSTICE_DISCIPLINARY_SANCTION',
      'JUSTICE_PRACTICE_SUSPENDED',
      'JUSTICE_LICENCE_REVOKED',
    ]);
  });

  it('reads an item with defaults for the optional fields', () => {
    const catalog = parseCatalog(catalogWith(item('')));
    expect(catalog.items).toEqual([
      {
        code: 'X_ONE',
        name: '一',
        category: 'GENERAL_BAD',
        sourceDept: 'TAX',
        minDisplayMonths: 3,
        maxDisplayMonths: 12,
        repair: 'CREDIT_PLATFORM',
        endsWhenPerformed: false,
        displayWhileOutstanding: false,
        publicationMonths: null,
        points: null,
        legalBasis: '令2025年第36号',
      },
    ]);
  });

  it.each([
    [
      'an unknown category',
      item('category: BAD'),
      'items[0] (X_ONE).category: unknown value "BAD" (expected one of GOOD, MINOR_BAD, GENERAL_BAD, SERIOUS_BAD)',
    ],
    [
      'a negative period',
      item('maxDisplayMonths: -3'),
      'items[0] (X_ONE).maxDisplayMonths: must be at least 1, got -3',
    ],
    [
      'a period above the national maximum of its category',
      item('category: MINOR_BAD, minDisplayMonths: 0, maxDisplayMonths: 6'),
      'items[0] (X_ONE).maxDisplayMonths: 6 exceeds the MINOR_BAD maximum of 3 months (categories.MINOR_BAD: 令2025年第36号 轻微)',
    ],
    [
      'a serious record made repairable at once (minimum below the national 1 year)',
      item('category: SERIOUS_BAD, minDisplayMonths: 0, maxDisplayMonths: 36'),
      'items[0] (X_ONE).minDisplayMonths: 0 is below the SERIOUS_BAD minimum of 12 months (categories.SERIOUS_BAD: 令2025年第36号 严重)',
    ],
    [
      'a minimum display above the maximum',
      item('minDisplayMonths: 9, maxDisplayMonths: 6'),
      'items[0] (X_ONE).minDisplayMonths: 9 exceeds maxDisplayMonths 6',
    ],
    [
      'a publication period beyond the national maximum',
      item('publicationMonths: 24'),
      'items[0] (X_ONE).publicationMonths: 24 exceeds the GENERAL_BAD maximum of 12 months (categories.GENERAL_BAD: 令2025年第36号 一般)',
    ],
    [
      'a published good record',
      item('category: GOOD, minDisplayMonths: 0, repair: NONE, publicationMonths: 6'),
      'items[0] (X_ONE).publicationMonths: GOOD decisions are not published (categories.GOOD: county rule)',
    ],
    [
      'a bad record nothing can end early',
      item('repair: NONE'),
      'items[0] (X_ONE).repair: a GENERAL_BAD item ends by CREDIT_PLATFORM repair or SOURCE_DECISION, not NONE',
    ],
    [
      'a good record with a repair route',
      item('category: GOOD, minDisplayMonths: 0'),
      'items[0] (X_ONE).repair: a GOOD item has nothing to repair: NONE, got CREDIT_PLATFORM',
    ],
    [
      'an unknown repair route',
      item('repair: COURT'),
      'items[0] (X_ONE).repair: unknown value "COURT" (expected one of CREDIT_PLATFORM, SOURCE_DECISION, NONE)',
    ],
    [
      'a good record displayed while outstanding',
      item('category: GOOD, minDisplayMonths: 0, repair: NONE, displayWhileOutstanding: true'),
      'items[0] (X_ONE).displayWhileOutstanding: a GOOD item has no obligation outstanding',
    ],
    [
      'a duplicate code',
      ARREARS + ARREARS,
      'items[1] (TAX_ARREARS).code: duplicate code TAX_ARREARS',
    ],
    [
      'a GOOD item with negative points',
      item('category: GOOD, minDisplayMonths: 0, repair: NONE, points: -5'),
      'items[0] (X_ONE).points: a GOOD item cannot have negative points, got -5',
    ],
    [
      'a bad item with positive points',
      item('points: 5'),
      'items[0] (X_ONE).points: a GENERAL_BAD item cannot have positive points, got 5',
    ],
    [
      'an unknown department',
      item('sourceDept: MOON'),
      `items[0] (X_ONE).sourceDept: unknown value "MOON" (expected one of ${DEPARTMENT_CODES.join(', ')})`,
    ],
    [
      'an item without its legal basis',
      '  - { code: X_ONE, name: 一, category: GENERAL_BAD, sourceDept: TAX, minDisplayMonths: 3, maxDisplayMonths: 12, repair: CREDIT_PLATFORM }\n',
      'items[0] (X_ONE).legalBasis: is required',
    ],
    [
      'an unknown field',
      item('display: 3'),
      'items[0] (X_ONE).display: unknown field (expected one of code, name, category, sourceDept, minDisplayMonths, maxDisplayMonths, repair, endsWhenPerformed, displayWhileOutstanding, publicationMonths, points, legalBasis)',
    ],
  ])('refuses %s, naming the item and field', (_case, items, problem) => {
    expect(() => parseCatalog(catalogWith(items))).toThrow(
      new Error(`Invalid policy/catalog.yaml (1 problem):\n  - ${problem}`),
    );
  });

  it('lists every problem of the file at once, category bounds included', () => {
    const text = `version: 2025
categories:
  GOOD: { minDisplayMonths: 6, maxDisplayMonths: 3 }
items: []
`;
    expect(() => parseCatalog(text, 'catalog.yaml')).toThrow(
      new Error(
        'Invalid catalog.yaml (7 problems):\n' +
          '  - (root).version: must be a string, got number 2025 (quote it)\n' +
          '  - categories.GOOD.legalBasis: is required\n' +
          '  - categories.GOOD.minDisplayMonths: 6 exceeds maxDisplayMonths 3\n' +
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
