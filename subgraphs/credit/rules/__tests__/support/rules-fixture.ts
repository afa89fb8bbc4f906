import type { CatalogItem, CreditRecordData, CreditRules } from '../../types';

const ITEMS: CatalogItem[] = [
  {
    code: 'TAX_ARREARS',
    name: '欠缴税款',
    category: 'GENERAL_BAD',
    sourceDept: 'TAX',
    displayMonths: 12,
    minDisplayMonths: 3,
    endsWhenPerformed: false,
    points: -30,
  },
  {
    code: 'COURT_DISHONEST_DEBTOR',
    name: '失信被执行人',
    category: 'SERIOUS_BAD',
    sourceDept: 'COURT',
    displayMonths: 24,
    minDisplayMonths: 12,
    endsWhenPerformed: true,
    points: -150,
  },
  {
    code: 'AMR_PENALTY_MINOR',
    name: '简易程序行政处罚',
    category: 'MINOR_BAD',
    sourceDept: 'AMR',
    displayMonths: 3,
    minDisplayMonths: 0,
    endsWhenPerformed: false,
    points: null,
  },
  {
    code: 'TAX_A_LEVEL',
    name: '纳税信用A级',
    category: 'GOOD',
    sourceDept: 'TAX',
    displayMonths: 36,
    minDisplayMonths: 0,
    endsWhenPerformed: false,
    points: 20,
  },
  {
    code: 'TAX_MAJOR_VIOLATION',
    name: '重大税收违法',
    category: 'SERIOUS_BAD',
    sourceDept: 'TAX',
    displayMonths: 36,
    minDisplayMonths: 12,
    endsWhenPerformed: false,
    points: -100,
  },
  {
    code: 'CIVIL_VOLUNTEER_SERVICE',
    name: '志愿服务',
    category: 'GOOD',
    sourceDept: 'CIVIL',
    displayMonths: 36,
    minDisplayMonths: 0,
    endsWhenPerformed: false,
    points: null,
  },
];

/** Scoring rules for unit tests, independent of the policy files' current values. */
export const RULES: CreditRules = {
  version: 'test',
  rulesVersion: 'test+test.000000000000',
  base: 1000,
  categoryPoints: { GOOD: 10, MINOR_BAD: -5, GENERAL_BAD: -30, SERIOUS_BAD: -100 },
  goodConductCapPerYear: 50,
  goodConductItemCaps: new Map([['CIVIL_VOLUNTEER_SERVICE', 20]]),
  lists: [
    {
      list: 'BLACK',
      name: '严重失信主体名单',
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
  ],
  greenChannel: {
    goodCategories: ['GOOD'],
    badCategories: ['GENERAL_BAD', 'SERIOUS_BAD'],
    badWithinMonths: 36,
    excludedLists: ['BLACK'],
  },
  levels: [
    { code: 'AAA', name: '优秀', minScore: 1050 },
    { code: 'AA', name: '良好', minScore: 1000 },
    { code: 'A', name: '一般', minScore: 950 },
    { code: 'B', name: '较差', minScore: 850 },
    { code: 'C', name: '差', minScore: null },
  ],
  catalog: {
    version: 'test',
    items: ITEMS,
    byCode: new Map(ITEMS.map((item) => [item.code, item])),
    contentSha256: '0'.repeat(64),
  },
};

/** A credit record of the person 511921198503150107 with sensible defaults. */
export function record(
  sourceRecordId: string,
  catalogCode: string,
  decidedAt: string,
  overrides: Partial<CreditRecordData> = {},
): CreditRecordData {
  const sourceDept = RULES.catalog.byCode.get(catalogCode)?.sourceDept ?? 'TAX';
  return {
    id: `${sourceDept}:${sourceRecordId}`,
    personId: '511921198503150107',
    sourceDept,
    sourceRecordId,
    catalogCode,
    title: `${catalogCode} ${sourceRecordId}`,
    decidedAt,
    decisionNo: `No.${sourceRecordId}`,
    status: 'ACTIVE',
    statusChangedAt: null,
    ...overrides,
  };
}
