import { displayedRecords } from '../../rules/displayed-records';
import { RULES, record } from '../../rules/__tests__/support/rules-fixture';
import type { SourceCollectionView } from '../../rules/source-collections';
import type { CreditRecordData } from '../../rules/types';
import { creditLists } from '../credit-lists';
import { greenChannel } from '../green-channel';

const FRESH: SourceCollectionView[] = ['TAX', 'COURT'].map((dept) => ({
  dept,
  lastSuccessAt: '2024-06-01T00:00:00.000Z',
  lastAttemptAt: '2024-06-01T00:00:00.000Z',
  stale: false,
  lastError: null,
}));

function decide(
  records: CreditRecordData[],
  asOf: string,
  sources: SourceCollectionView[] = FRESH,
) {
  const displayed = displayedRecords(records, RULES.catalog, asOf);
  const lists = creditLists(displayed, RULES.lists, asOf);
  return greenChannel({ displayed, lists, sources, rules: RULES.greenChannel, asOf });
}

const NO_BAD = {
  code: 'NO_BAD_RECORD',
  message: 'no displayed GENERAL_BAD or SERIOUS_BAD record decided within the last 36 months',
  dept: null,
  recordId: null,
  catalogCode: null,
  decidedAt: null,
  list: null,
};

describe('greenChannel', () => {
  it('is ELIGIBLE with no record, saying there was no bad record', () => {
    expect(decide([], '2024-06-01')).toEqual({ decision: 'ELIGIBLE', reasons: [NO_BAD] });
  });

  it('is ELIGIBLE with a displayed good record, naming it', () => {
    expect(decide([record('g1', 'TAX_A_LEVEL', '2024-04-15')], '2024-06-01')).toEqual({
      decision: 'ELIGIBLE',
      reasons: [
        {
          code: 'GOOD_RECORD',
          message: '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-04-15) displayed until 2027-04-15',
          dept: 'TAX',
          recordId: 'TAX:g1',
          catalogCode: 'TAX_A_LEVEL',
          decidedAt: '2024-04-15',
          list: null,
        },
      ],
    });
  });

  it('is NOT_ELIGIBLE with a displayed general bad record, naming it', () => {
    expect(decide([record('t1', 'TAX_ARREARS', '2024-03-01')], '2024-06-01')).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [
        {
          code: 'BAD_RECORD',
          message:
            '欠缴税款 (TAX_ARREARS, GENERAL_BAD, decided 2024-03-01) counts through 2025-03-01',
          dept: 'TAX',
          recordId: 'TAX:t1',
          catalogCode: 'TAX_ARREARS',
          decidedAt: '2024-03-01',
          list: null,
        },
      ],
    });
  });

  it('ignores a minor bad record and an expired general one (clean for 3 years of display)', () => {
    const records = [
      record('a1', 'AMR_PENALTY_MINOR', '2024-05-01'),
      // Displayed 12 months, through 2023-03-01: expired records are never used.
      record('t0', 'TAX_ARREARS', '2022-03-01', {
        status: 'PERFORMED',
        statusChangedAt: '2022-04-01',
      }),
    ];
    expect(decide(records, '2024-06-01')).toEqual({ decision: 'ELIGIBLE', reasons: [NO_BAD] });
  });

  describe('a serious record displayed 36 months, at exactly 3 years', () => {
    // Decided 2021-06-01 and PERFORMED (so not blacklisted), displayed through 2024-06-01.
    const serious = record('x1', 'TAX_MAJOR_VIOLATION', '2021-06-01', {
      status: 'PERFORMED',
      statusChangedAt: '2021-08-01',
    });

    it('still counts on the same calendar day 3 years later: 3 full years are not yet over', () => {
      expect(decide([serious], '2024-06-01')).toEqual({
        decision: 'NOT_ELIGIBLE',
        reasons: [
          {
            code: 'BAD_RECORD',
            message:
              '重大税收违法 (TAX_MAJOR_VIOLATION, SERIOUS_BAD, decided 2021-06-01) counts ' +
              'through 2024-06-01',
            dept: 'TAX',
            recordId: 'TAX:x1',
            catalogCode: 'TAX_MAJOR_VIOLATION',
            decidedAt: '2021-06-01',
            list: null,
          },
        ],
      });
    });

    it('no longer counts from the day after', () => {
      expect(decide([serious], '2024-06-02')).toEqual({
        decision: 'ELIGIBLE',
        reasons: [NO_BAD],
      });
    });
  });

  it('counts a performed general record decided within 3 years while it is displayed', () => {
    const performed = record('t1', 'TAX_ARREARS', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-02-01',
    });
    expect(decide([performed], '2024-06-01').decision).toBe('NOT_ELIGIBLE');
    // Displayed through 2025-01-10; from 2025-01-11 it is expired and not used.
    expect(decide([performed], '2025-01-10').decision).toBe('NOT_ELIGIBLE');
    expect(decide([performed], '2025-01-11').decision).toBe('ELIGIBLE');
  });

  it('is NOT_ELIGIBLE on the black list even with a good record', () => {
    const records = [
      record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10'),
      record('g1', 'TAX_A_LEVEL', '2024-04-15'),
    ];
    expect(decide(records, '2024-06-01')).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [
        {
          code: 'LISTED',
          message:
            'on the BLACK list (严重失信主体名单) since 2024-01-10 on COURT_DISHONEST_DEBTOR ' +
            'decided 2024-01-10',
          dept: 'COURT',
          recordId: 'COURT:c1',
          catalogCode: 'COURT_DISHONEST_DEBTOR',
          decidedAt: '2024-01-10',
          list: 'BLACK',
        },
        {
          code: 'BAD_RECORD',
          message:
            '失信被执行人 (COURT_DISHONEST_DEBTOR, SERIOUS_BAD, decided 2024-01-10) counts ' +
            'through 2026-01-10',
          dept: 'COURT',
          recordId: 'COURT:c1',
          catalogCode: 'COURT_DISHONEST_DEBTOR',
          decidedAt: '2024-01-10',
          list: null,
        },
      ],
    });
  });

  it('is UNDETERMINED, never ELIGIBLE, when a source is stale or never collected', () => {
    const sources: SourceCollectionView[] = [
      { ...FRESH[0], stale: true, lastSuccessAt: '2024-05-01T00:00:00.000Z' },
      { dept: 'COURT', lastSuccessAt: null, lastAttemptAt: null, stale: true, lastError: null },
    ];
    expect(decide([record('g1', 'TAX_A_LEVEL', '2024-04-15')], '2024-06-01', sources)).toEqual({
      decision: 'UNDETERMINED',
      reasons: [
        {
          code: 'SOURCE_STALE',
          message:
            'TAX credit data is stale (last collected 2024-05-01T00:00:00.000Z): its records ' +
            'may be incomplete',
          dept: 'TAX',
          recordId: null,
          catalogCode: null,
          decidedAt: null,
          list: null,
        },
        {
          code: 'SOURCE_NEVER_COLLECTED',
          message: 'COURT credit data was never collected: its records are unknown',
          dept: 'COURT',
          recordId: null,
          catalogCode: null,
          decidedAt: null,
          list: null,
        },
      ],
    });
  });
});
