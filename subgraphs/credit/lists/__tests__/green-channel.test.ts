import { displayedRecords } from '../../rules/displayed-records';
import { RULES, record } from '../../rules/__tests__/support/rules-fixture';
import type { SourceCollectionView } from '../../rules/source-collections';
import type { CreditRecordData } from '../../rules/types';
import { creditLists } from '../credit-lists';
import { greenChannel } from '../green-channel';
import type { GreenChannelInput } from '../green-channel';

const FRESH: SourceCollectionView[] = ['TAX', 'COURT', 'PSB'].map((dept) => ({
  dept,
  lastSuccessAt: '2024-06-01T00:00:00.000Z',
  lastAttemptAt: '2024-06-01T00:00:00.000Z',
  stale: false,
  lastError: null,
}));

/** History since adulthood in 2003: long enough for "3 years without a bad record". */
const LONG_HISTORY = '2003-03-16';

function decide(
  records: CreditRecordData[],
  asOf: string,
  overrides: Partial<GreenChannelInput> = {},
) {
  const displayed = displayedRecords(records, RULES.catalog, asOf);
  const lists = creditLists(displayed, RULES.lists, asOf);
  return greenChannel({
    displayed,
    lists,
    sources: FRESH,
    registerFlags: [],
    historyFrom: LONG_HISTORY,
    rules: RULES.greenChannel,
    asOf,
    ...overrides,
  });
}

const NONE = { recordId: null, catalogCode: null, decidedAt: null, list: null };

const NO_BAD = {
  code: 'NO_BAD_RECORD',
  message:
    "no displayed GENERAL_BAD or SERIOUS_BAD record, over the county's history of this person " +
    'since 2003-03-16 (36 months or more)',
  dept: null,
  ...NONE,
};

const good = record('g1', 'TAX_A_LEVEL', '2024-04-15');
const GOOD_REASON = {
  code: 'GOOD_RECORD',
  message: '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-04-15) displayed until 2027-04-15',
  dept: 'TAX',
  recordId: 'TAX:g1',
  catalogCode: 'TAX_A_LEVEL',
  decidedAt: '2024-04-15',
  list: null,
};
const arrears = record('t1', 'TAX_ARREARS', '2024-03-01');
const ARREARS_REASON = {
  code: 'BAD_RECORD',
  message: '欠缴税款 (TAX_ARREARS, GENERAL_BAD, decided 2024-03-01) displayed until 2025-03-01',
  dept: 'TAX',
  recordId: 'TAX:t1',
  catalogCode: 'TAX_ARREARS',
  decidedAt: '2024-03-01',
  list: null,
};

describe('greenChannel', () => {
  it('is ELIGIBLE with no record over a long history, saying there was no bad record', () => {
    expect(decide([], '2024-06-01')).toEqual({ decision: 'ELIGIBLE', reasons: [NO_BAD] });
  });

  it('is ELIGIBLE with a displayed good record, naming it', () => {
    expect(decide([good], '2024-06-01')).toEqual({ decision: 'ELIGIBLE', reasons: [GOOD_REASON] });
  });

  it('is NOT_ELIGIBLE with a displayed general bad record, naming it', () => {
    expect(decide([arrears], '2024-06-01')).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [ARREARS_REASON],
    });
  });

  it('is NOT_ELIGIBLE with a good and a general bad record: a good record never outweighs it', () => {
    expect(decide([good, arrears], '2024-06-01')).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [ARREARS_REASON],
    });
  });

  it('counts an outstanding obligation for as long as it is displayed', () => {
    const unpaid = record('e1', 'EDU_STUDENT_LOAN_DEFAULT', '2019-03-01');
    expect(decide([unpaid], '2024-06-01')).toEqual({
      decision: 'NOT_ELIGIBLE',
      reasons: [
        {
          code: 'BAD_RECORD',
          message:
            '助学贷款违约 (EDU_STUDENT_LOAN_DEFAULT, GENERAL_BAD, decided 2019-03-01) displayed ' +
            'while its obligation is outstanding',
          dept: 'EDU',
          recordId: 'EDU:e1',
          catalogCode: 'EDU_STUDENT_LOAN_DEFAULT',
          decidedAt: '2019-03-01',
          list: null,
        },
      ],
    });
  });

  it('ignores a minor bad record and an expired general one', () => {
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

  it('counts a general record while it is displayed and never after', () => {
    const performed = record('t1', 'TAX_ARREARS', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-02-01',
    });
    expect(decide([performed], '2025-01-10').decision).toBe('NOT_ELIGIBLE');
    expect(decide([performed], '2025-01-11').decision).toBe('ELIGIBLE');
  });

  it('is NOT_ELIGIBLE on the black list even with a good record', () => {
    const records = [record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10'), good];
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
            '失信被执行人 (COURT_DISHONEST_DEBTOR, SERIOUS_BAD, decided 2024-01-10) displayed ' +
            'until 2026-01-10',
          dept: 'COURT',
          recordId: 'COURT:c1',
          catalogCode: 'COURT_DISHONEST_DEBTOR',
          decidedAt: '2024-01-10',
          list: null,
        },
      ],
    });
  });

  it('is UNDETERMINED, never ELIGIBLE, when a source is stale, failed or never collected', () => {
    const sources: SourceCollectionView[] = [
      { ...FRESH[0], stale: true, lastSuccessAt: '2024-05-01T00:00:00.000Z' },
      {
        dept: 'COURT',
        lastSuccessAt: '2024-06-01T00:00:00.000Z',
        lastAttemptAt: '2024-06-01T01:00:00.000Z',
        stale: true,
        lastError: 'court courtCreditFeed: HTTP 503',
      },
      { dept: 'EDU', lastSuccessAt: null, lastAttemptAt: null, stale: true, lastError: null },
    ];
    expect(decide([good], '2024-06-01', { sources })).toEqual({
      decision: 'UNDETERMINED',
      reasons: [
        {
          code: 'SOURCE_STALE',
          message:
            'TAX credit data is stale (last collected 2024-05-01T00:00:00.000Z): its records ' +
            'may be incomplete',
          dept: 'TAX',
          ...NONE,
        },
        {
          code: 'SOURCE_FAILED',
          message:
            'COURT collection failed at 2024-06-01T01:00:00.000Z (last collected ' +
            '2024-06-01T00:00:00.000Z): its records may have changed since',
          dept: 'COURT',
          ...NONE,
        },
        {
          code: 'SOURCE_NEVER_COLLECTED',
          message: 'EDU credit data was never collected: its records are unknown',
          dept: 'EDU',
          ...NONE,
        },
      ],
    });
  });

  it('stays NOT_ELIGIBLE on a known bad record while a source is stale, naming both', () => {
    const sources = [{ ...FRESH[0], stale: true, lastSuccessAt: '2024-05-01T00:00:00.000Z' }];
    const decision = decide([arrears], '2024-06-01', { sources });
    expect(decision.decision).toBe('NOT_ELIGIBLE');
    expect(decision.reasons.map((reason) => reason.code)).toEqual(['BAD_RECORD', 'SOURCE_STALE']);
  });

  it('is UNDETERMINED when the register flags the person, without saying which flag', () => {
    expect(decide([good], '2024-06-01', { registerFlags: ['DECEASED'] })).toEqual({
      decision: 'UNDETERMINED',
      reasons: [
        {
          code: 'REGISTER_FLAGGED',
          message:
            "the household register (PSB) flags this person's registration: no credit " +
            'decision is made until the register office clears it',
          dept: 'PSB',
          ...NONE,
        },
      ],
    });
  });

  describe('the county history of 3 years (task 17: 连续3年以上无不良信用记录)', () => {
    it('is UNDETERMINED without a good record while the history is under 36 months', () => {
      expect(decide([], '2024-06-01', { historyFrom: '2021-06-02' })).toEqual({
        decision: 'UNDETERMINED',
        reasons: [
          {
            code: 'SHORT_HISTORY',
            message:
              "the county's history of this person starts 2021-06-02: 36 months are complete " +
              'only on 2024-06-02, and no good record is displayed',
            dept: null,
            ...NONE,
          },
        ],
      });
    });

    it('is ELIGIBLE from the day the 36 months are complete', () => {
      expect(decide([], '2024-06-02', { historyFrom: '2021-06-02' }).decision).toBe('ELIGIBLE');
    });

    it('is ELIGIBLE on a good record however short the history', () => {
      expect(decide([good], '2024-06-01', { historyFrom: '2024-01-01' }).decision).toBe('ELIGIBLE');
    });

    it('is UNDETERMINED for a person the register does not know', () => {
      const decision = decide([], '2024-06-01', { historyFrom: null });
      expect(decision.decision).toBe('UNDETERMINED');
      expect(decision.reasons[0]).toMatchObject({ code: 'SHORT_HISTORY', dept: 'PSB' });
    });
  });
});
