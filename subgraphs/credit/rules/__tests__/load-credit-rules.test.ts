import { loadCatalog } from '../load-catalog';
import { COLLECTED_SOURCES } from '../types';
import { loadCreditRules } from '../load-credit-rules';
import { parseCatalog } from '../parse-catalog';
import { parseCreditRules } from '../parse-credit-rules';

const CATALOG = parseCatalog(`version: 'c1'
categories:
  GOOD: { minDisplayMonths: 0, maxDisplayMonths: 36, legalBasis: county }
  MINOR_BAD: { minDisplayMonths: 0, maxDisplayMonths: 3, legalBasis: national }
  GENERAL_BAD: { minDisplayMonths: 3, maxDisplayMonths: 12, legalBasis: national }
  SERIOUS_BAD: { minDisplayMonths: 12, maxDisplayMonths: 36, legalBasis: national }
items:
  - { code: TAX_ARREARS, name: 欠缴税款, category: GENERAL_BAD, sourceDept: TAX, minDisplayMonths: 3, maxDisplayMonths: 12, repair: CREDIT_PLATFORM, legalBasis: national }
`);

const LEVELS = `levels:
  - { code: AA, name: 良好, minScore: 1000 }
  - { code: C, name: 差 }
`;

const LISTS = `lists:
  - { list: BLACK, name: 严重失信主体名单, categories: [SERIOUS_BAD], statuses: [ACTIVE] }
greenChannel:
  goodCategories: [GOOD]
  badCategories: [GENERAL_BAD, SERIOUS_BAD]
  historyMonths: 36
  excludedLists: [BLACK]
sources:
  defaultStaleAfterHours: 24
  staleAfterHours: { EDU: 72 }
register:
  flaggedStatuses: [DECEASED]
  flaggedIssues: [FALSIFIED]
`;

function rulesText(overrides: { points?: string; levels?: string; lists?: string } = {}): string {
  return `version: 'r1'
base: 1000
categoryPoints: ${overrides.points ?? '{ GOOD: 10, MINOR_BAD: -5, GENERAL_BAD: -30, SERIOUS_BAD: -100 }'}
goodConduct: { capPerYear: 50 }
${overrides.levels ?? LEVELS}${overrides.lists ?? LISTS}`;
}

const HOUR_MS = 60 * 60 * 1000;

describe('loadCreditRules', () => {
  it('loads the policy files with a version naming both files and their content', () => {
    const rules = loadCreditRules();
    expect(rules.base).toBe(1000);
    expect(rules.goodConductCapPerYear).toBe(50);
    expect(rules.levels).toEqual([
      { code: 'AAA', name: '优秀', minScore: 1050 },
      { code: 'AA', name: '良好', minScore: 1000 },
      { code: 'A', name: '一般', minScore: 950 },
      { code: 'B', name: '较差', minScore: 850 },
      { code: 'C', name: '差', minScore: null },
    ]);
    expect(rules.rulesVersion).toMatch(/^2025\.3\+2025\.\d\.[0-9a-f]{12}$/);
    expect(rules.catalog.version).toBe(loadCatalog().version);
  });

  it('changes rulesVersion when either file changes', () => {
    const first = parseCreditRules(rulesText(), CATALOG).rulesVersion;
    const otherRules = parseCreditRules(rulesText() + '# edited\n', CATALOG).rulesVersion;
    const otherCatalog = parseCreditRules(rulesText(), {
      ...CATALOG,
      contentSha256: 'f'.repeat(64),
    }).rulesVersion;
    expect(first).toMatch(/^c1\+r1\.[0-9a-f]{12}$/);
    expect(new Set([first, otherRules, otherCatalog]).size).toBe(3);
  });

  it('refuses a positive penalty and a negative reward', () => {
    expect(() =>
      parseCreditRules(
        rulesText({ points: '{ GOOD: -10, MINOR_BAD: 5, GENERAL_BAD: -30, SERIOUS_BAD: -100 }' }),
        CATALOG,
      ),
    ).toThrow(
      new Error(
        'Invalid policy/credit-rules.yaml (2 problems):\n' +
          '  - categoryPoints.GOOD: GOOD points cannot be negative, got -10\n' +
          '  - categoryPoints.MINOR_BAD: MINOR_BAD points cannot be positive, got 5',
      ),
    );
  });

  it('refuses levels out of order or without a catch-all last level', () => {
    const levels = `levels:
  - { code: AA, name: 良好, minScore: 1000 }
  - { code: A, name: 一般, minScore: 1000 }
  - { code: B, name: 较差 }
  - { code: C, name: 差, minScore: 800 }
`;
    expect(() => parseCreditRules(rulesText({ levels }), CATALOG)).toThrow(
      new Error(
        'Invalid policy/credit-rules.yaml (3 problems):\n' +
          "  - levels[1].minScore: must be below the previous level's 1000, got 1000\n" +
          '  - levels[2].minScore: is required on every level but the last\n' +
          '  - levels[3].minScore: the last level takes every lower score: omit minScore',
      ),
    );
  });
  it('loads the good-conduct caps per item, the list rules and the green channel rules', () => {
    const rules = loadCreditRules();
    expect([...rules.goodConductItemCaps]).toEqual([
      ['CIVIL_VOLUNTEER_SERVICE', 20],
      ['CIVIL_CHARITY_DONATION', 20],
      ['HONOUR_MODEL_WORKER', 50],
    ]);
    expect(rules.lists).toEqual([
      {
        list: 'BLACK',
        name: '严重失信主体名单（重点监管对象）',
        categories: ['SERIOUS_BAD'],
        statuses: ['ACTIVE'],
        decidedWithinMonths: null,
        unlessDisplayed: [],
      },
      {
        list: 'RED',
        name: '守信激励对象名单',
        categories: ['GOOD'],
        statuses: ['ACTIVE', 'PERFORMED'],
        decidedWithinMonths: 12,
        unlessDisplayed: ['MINOR_BAD', 'GENERAL_BAD', 'SERIOUS_BAD'],
      },
    ]);
    expect(rules.greenChannel).toEqual({
      goodCategories: ['GOOD'],
      badCategories: ['GENERAL_BAD', 'SERIOUS_BAD'],
      historyMonths: 36,
      excludedLists: ['BLACK'],
    });
    // Every collected source at the default of 24 hours: none needs a line of its own.
    expect(rules.staleness).toEqual({ defaultMs: 24 * HOUR_MS, bySource: new Map() });
    expect(rules.register).toEqual({
      flaggedStatuses: ['DECEASED', 'CANCELLED'],
      flaggedIssues: [
        'DUPLICATE',
        'ERRONEOUS',
        'FALSIFIED',
        'UNREGISTERED',
        'DECEASED_NOT_CANCELLED',
      ],
    });
  });

  it('reads staleness bounds per source with a default, and the register flags', () => {
    const rules = parseCreditRules(rulesText(), CATALOG);
    expect(rules.staleness).toEqual({
      defaultMs: 24 * HOUR_MS,
      bySource: new Map([['EDU', 72 * HOUR_MS]]),
    });
    expect(rules.register).toEqual({ flaggedStatuses: ['DECEASED'], flaggedIssues: ['FALSIFIED'] });
    const broken = rulesText()
      .replace('staleAfterHours: { EDU: 72 }', 'staleAfterHours: { EDU: 0, PBOC: 3 }')
      .replace('flaggedIssues: [FALSIFIED]', 'flaggedIssues: [FAKE]');
    expect(() => parseCreditRules(broken, CATALOG)).toThrow(
      new Error(
        'Invalid policy/credit-rules.yaml (3 problems):\n' +
          `  - sources.staleAfterHours.PBOC: unknown field (expected one of ${COLLECTED_SOURCES.join(', ')})\n` +
          '  - sources.staleAfterHours.EDU: must be at least 1, got 0\n' +
          '  - register.flaggedIssues[0]: unknown value "FAKE" (expected one of DUPLICATE, ERRONEOUS, FALSIFIED, UNREGISTERED, DECEASED_NOT_CANCELLED)',
      ),
    );
  });

  it('refuses unknown list kinds, duplicate lists and a green channel naming a missing list', () => {
    const lists = `lists:
  - { list: GREY, name: 灰名单, categories: [SERIOUS_BAD], statuses: [ACTIVE] }
  - { list: RED, name: 红名单, categories: [GOOD, NICE], statuses: [ACTIVE] }
  - { list: RED, name: 红名单, categories: [GOOD], statuses: [ACTIVE], decidedWithinMonths: 0 }
greenChannel:
  goodCategories: [GOOD]
  badCategories: [GENERAL_BAD]
  historyMonths: 36
  excludedLists: [BLACK]
sources: { defaultStaleAfterHours: 24 }
register: { flaggedStatuses: [DECEASED], flaggedIssues: [FALSIFIED] }
`;
    expect(() => parseCreditRules(rulesText({ lists }), CATALOG)).toThrow(
      new Error(
        'Invalid policy/credit-rules.yaml (5 problems):\n' +
          '  - lists[0].list: unknown value "GREY" (expected one of RED, BLACK)\n' +
          '  - lists[1].categories[1]: unknown value "NICE" (expected one of GOOD, MINOR_BAD, GENERAL_BAD, SERIOUS_BAD)\n' +
          '  - lists[2].decidedWithinMonths: must be at least 1, got 0\n' +
          '  - lists[2].list: duplicate RED\n' +
          '  - greenChannel.excludedLists[0]: BLACK is not defined in lists',
      ),
    );
  });

  it('caps only GOOD items of the catalog per item', () => {
    const text = rulesText().replace(
      'goodConduct: { capPerYear: 50 }',
      'goodConduct: { capPerYear: 50, capPerYearByItem: { TAX_ARREARS: 10 } }',
    );
    expect(() => parseCreditRules(text, CATALOG)).toThrow(
      new Error(
        'Invalid policy/credit-rules.yaml (1 problem):\n' +
          '  - goodConduct.capPerYearByItem.TAX_ARREARS: is a GENERAL_BAD item: only GOOD items are capped',
      ),
    );
  });
});
