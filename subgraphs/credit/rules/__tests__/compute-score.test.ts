import { computeScore } from '../compute-score';
import { RULES, record } from './support/rules-fixture';

describe('computeScore', () => {
  it('is the base score with no displayed record', () => {
    expect(computeScore([], RULES, '2024-06-01')).toEqual({ score: 1000, breakdown: [] });
  });

  it('explains every point by a displayed record, oldest first', () => {
    const records = [
      record('a1', 'AMR_PENALTY_MINOR', '2024-05-01'),
      record('t1', 'TAX_ARREARS', '2024-03-01'),
      record('t0', 'TAX_ARREARS', '2022-03-01'),
    ];
    expect(computeScore(records, RULES, '2024-06-01')).toEqual({
      score: 965,
      breakdown: [
        {
          recordId: 'TAX:t1',
          catalogCode: 'TAX_ARREARS',
          points: -30,
          reason: '欠缴税款 (TAX_ARREARS, GENERAL_BAD, decided 2024-03-01): -30',
        },
        {
          recordId: 'AMR:a1',
          catalogCode: 'AMR_PENALTY_MINOR',
          points: -5,
          reason: '简易程序行政处罚 (AMR_PENALTY_MINOR, MINOR_BAD, decided 2024-05-01): -5',
        },
      ],
    });
  });

  it('counts a court case once: the listing, not the restriction of the same case', () => {
    const sameCase = { caseKey: 'case-7f3a' };
    const records = [
      record('r1', 'COURT_CONSUMPTION_RESTRICTED', '2024-01-10', sameCase),
      record('d1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', sameCase),
    ];
    expect(computeScore(records, RULES, '2024-06-01')).toEqual({
      score: 850,
      breakdown: [
        {
          recordId: 'COURT:d1',
          catalogCode: 'COURT_DISHONEST_DEBTOR',
          points: -150,
          reason: '失信被执行人 (COURT_DISHONEST_DEBTOR, SERIOUS_BAD, decided 2024-01-10): -150',
        },
        {
          recordId: 'COURT:r1',
          catalogCode: 'COURT_CONSUMPTION_RESTRICTED',
          points: 0,
          reason:
            '限制高消费 (COURT_CONSUMPTION_RESTRICTED, GENERAL_BAD, decided 2024-01-10): 0, same ' +
            'case as 失信被执行人 (COURT:d1), which counts once for the case',
        },
      ],
    });
  });

  it('counts records of different cases, or of a case whose listing was revoked, each', () => {
    const otherCase = [
      record('r1', 'COURT_CONSUMPTION_RESTRICTED', '2024-01-10', { caseKey: 'case-a' }),
      record('d1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', { caseKey: 'case-b' }),
    ];
    expect(computeScore(otherCase, RULES, '2024-06-01').score).toBe(820);
    const revoked = [
      record('r1', 'COURT_CONSUMPTION_RESTRICTED', '2024-01-10', { caseKey: 'case-a' }),
      record('d1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', {
        caseKey: 'case-a',
        status: 'REVOKED',
        statusChangedAt: '2024-02-01',
      }),
    ];
    expect(computeScore(revoked, RULES, '2024-06-01').score).toBe(970);
  });

  it('ignores revoked records and counts a performed listing only while shown', () => {
    const records = [
      record('t1', 'TAX_ARREARS', '2024-03-01', {
        status: 'REVOKED',
        statusChangedAt: '2024-03-02',
      }),
      record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', {
        status: 'PERFORMED',
        statusChangedAt: '2024-06-03',
      }),
    ];
    expect(computeScore(records, RULES, '2024-06-03').score).toBe(850);
    expect(computeScore(records, RULES, '2024-06-04')).toEqual({ score: 1000, breakdown: [] });
  });

  it('counts good conduct up to the yearly cap exactly, without a capped reason', () => {
    const records = [
      record('g1', 'TAX_A_LEVEL', '2024-01-05'),
      record('g2', 'TAX_A_LEVEL', '2024-02-05'),
      record('v1', 'CIVIL_VOLUNTEER_SERVICE', '2024-03-05'),
    ];
    const result = computeScore(records, RULES, '2024-06-01');
    expect(result.score).toBe(1050);
    expect(result.breakdown.map((line) => [line.recordId, line.points, line.reason])).toEqual([
      ['TAX:g1', 20, '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-01-05): +20'],
      ['TAX:g2', 20, '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-02-05): +20'],
      ['CIVIL:v1', 10, '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2024-03-05): +10'],
    ]);
  });

  it('caps good conduct beyond the yearly cap, keeping the capped lines', () => {
    const records = [
      record('g1', 'TAX_A_LEVEL', '2024-01-05'),
      record('g2', 'TAX_A_LEVEL', '2024-02-05'),
      record('g3', 'TAX_A_LEVEL', '2024-03-05'),
      record('v1', 'CIVIL_VOLUNTEER_SERVICE', '2024-04-05'),
      record('v0', 'CIVIL_VOLUNTEER_SERVICE', '2023-12-31'),
      record('t1', 'TAX_ARREARS', '2024-05-01'),
    ];
    const result = computeScore(records, RULES, '2024-06-01');
    expect(result.breakdown).toEqual([
      {
        recordId: 'CIVIL:v0',
        catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
        points: 10,
        reason: '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2023-12-31): +10',
      },
      {
        recordId: 'TAX:g1',
        catalogCode: 'TAX_A_LEVEL',
        points: 20,
        reason: '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-01-05): +20',
      },
      {
        recordId: 'TAX:g2',
        catalogCode: 'TAX_A_LEVEL',
        points: 20,
        reason: '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-02-05): +20',
      },
      {
        recordId: 'TAX:g3',
        catalogCode: 'TAX_A_LEVEL',
        points: 10,
        reason:
          '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-03-05): +20 capped to +10, ' +
          'good-conduct points for 2024 are capped at 50',
      },
      {
        recordId: 'CIVIL:v1',
        catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
        points: 0,
        reason:
          '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2024-04-05): +10 capped to 0, ' +
          'good-conduct points for 2024 are capped at 50',
      },
      {
        recordId: 'TAX:t1',
        catalogCode: 'TAX_ARREARS',
        points: -30,
        reason: '欠缴税款 (TAX_ARREARS, GENERAL_BAD, decided 2024-05-01): -30',
      },
    ]);
    expect(result.score).toBe(1030);
    expect(result.score).toBe(RULES.base + result.breakdown.reduce((sum, l) => sum + l.points, 0));
  });

  it('caps one kind of good conduct at its own yearly cap, reached exactly then exceeded', () => {
    const records = [
      record('v1', 'CIVIL_VOLUNTEER_SERVICE', '2024-01-05'),
      record('v2', 'CIVIL_VOLUNTEER_SERVICE', '2024-02-05'),
      record('v3', 'CIVIL_VOLUNTEER_SERVICE', '2024-03-05'),
      record('g1', 'TAX_A_LEVEL', '2024-04-05'),
    ];
    const result = computeScore(records, RULES, '2024-06-01');
    expect(result).toEqual({
      score: 1040,
      breakdown: [
        {
          recordId: 'CIVIL:v1',
          catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
          points: 10,
          reason: '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2024-01-05): +10',
        },
        {
          recordId: 'CIVIL:v2',
          catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
          points: 10,
          reason: '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2024-02-05): +10',
        },
        {
          recordId: 'CIVIL:v3',
          catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
          points: 0,
          reason:
            '志愿服务 (CIVIL_VOLUNTEER_SERVICE, GOOD, decided 2024-03-05): +10 capped to 0, ' +
            '志愿服务 points for 2024 are capped at 20',
        },
        {
          recordId: 'TAX:g1',
          catalogCode: 'TAX_A_LEVEL',
          points: 20,
          reason: '纳税信用A级 (TAX_A_LEVEL, GOOD, decided 2024-04-05): +20',
        },
      ],
    });
  });
});
