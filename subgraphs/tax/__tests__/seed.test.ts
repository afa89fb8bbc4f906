import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { addDays } from '../../kit/seed/random';
import type { Scenario } from '../../kit/seed/scenarios';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { planTaxRecords } from '../seed';
import { taxFeedHistory } from '../tax-feed-entries';

const AS_OF = '2025-06-30';

function person(index: number, scenario: Scenario | 'background'): SyntheticPerson {
  const birthDate = addDays('1970-01-01', Math.floor(index / 900) * 97);
  return {
    index,
    id: makeCitizenId('511921', birthDate, (index % 900) + 1),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario,
    seed: index * 7919 + 13,
  };
}

function expectBetween(value: number, low: number, high: number): void {
  expect(value).toBeGreaterThanOrEqual(low);
  expect(value).toBeLessThanOrEqual(high);
}

/** Days from `from` to `to`. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

describe('planTaxRecords', () => {
  it('gives tax_arrears persons one outstanding arrear from about 3 months ago', () => {
    const subject = person(0, 'tax_arrears');
    const { arrears, violations, levels } = planTaxRecords([subject], AS_OF);
    expect(arrears).toEqual([
      {
        id: 'TAX-ARR-000001',
        personId: subject.id,
        taxType: expect.any(String),
        amount: expect.any(Number),
        since: expect.any(String),
        status: 'OUTSTANDING',
        paidAt: null,
        decisionNo: '通税通〔2025〕1号',
      },
    ]);
    expectBetween(daysBetween(arrears[0].since, AS_OF), 80, 100);
    expect(arrears[0].amount).toBeGreaterThan(0);
    expect({ violations, levels }).toEqual({ violations: [], levels: [] });
  });

  it('gives repaired persons arrears from about 8 months ago, since paid', () => {
    const [arrear] = planTaxRecords([person(0, 'repaired')], AS_OF).arrears;
    expect(arrear.status).toBe('PAID');
    expectBetween(daysBetween(arrear.since, AS_OF), 230, 250);
    expect(arrear.paidAt !== null && arrear.paidAt > arrear.since && arrear.paidAt < AS_OF).toBe(
      true,
    );
  });

  it('gives clean_3y persons one paid arrear 4 to 5 years old and nothing since', () => {
    const records = planTaxRecords([person(0, 'clean_3y')], AS_OF);
    expect(records.arrears).toHaveLength(1);
    expect(records.arrears[0].status).toBe('PAID');
    expectBetween(daysBetween(records.arrears[0].since, AS_OF), 4 * 365, 5 * 365);
    expect({ violations: records.violations, levels: records.levels }).toEqual({
      violations: [],
      levels: [],
    });
  });

  it('rates good_record_red_list persons A in the latest assessment, published within a year', () => {
    const subject = person(0, 'good_record_red_list');
    const level = {
      id: 'TAX-LVL-000001',
      personId: subject.id,
      level: 'A',
      decisionNo: expect.stringMatching(/^通税信评〔\d{4}〕1号$/),
    };
    expect(planTaxRecords([subject], '2025-06-30').levels).toEqual([
      { ...level, year: 2024, assessedAt: '2025-04-15' },
    ]);
    expect(planTaxRecords([subject], '2025-04-14').levels).toEqual([
      { ...level, year: 2023, assessedAt: '2024-04-15' },
    ]);
  });

  it('gives other scenarios no tax records', () => {
    const others = (['clean', 'serious_dishonest', 'general_bad', 'deceased'] as const).map(
      (scenario, index) => person(index, scenario),
    );
    expect(planTaxRecords(others, AS_OF)).toEqual({ levels: [], arrears: [], violations: [] });
  });

  it('draws a realistic background mix, the same every time', () => {
    const persons = Array.from({ length: 5000 }, (_, index) => person(index, 'background'));
    const records = planTaxRecords(persons, AS_OF);
    expect(planTaxRecords(persons, AS_OF)).toEqual(records);
    const share = (ids: string[]) => new Set(ids).size / persons.length;
    expectBetween(share(records.arrears.map((a) => a.personId)), 0.04, 0.06);
    expectBetween(share(records.violations.map((v) => v.personId)), 0.035, 0.055);
    expectBetween(share(records.levels.map((l) => l.personId)), 0.32, 0.38);
    const major = records.violations.filter((v) => v.kind === 'MAJOR_VIOLATION');
    expect(major.length).toBeGreaterThan(0);
    expect(major.length).toBeLessThan(50);
    // A major violation rates the person D if assessed; outstanding arrears cap it at C.
    const levelOf = new Map(records.levels.map((l) => [l.personId, l.level]));
    for (const violation of major) expect(levelOf.get(violation.personId) ?? 'D').toBe('D');
    for (const arrear of records.arrears.filter((a) => a.status === 'OUTSTANDING')) {
      expect(['C', 'D', undefined]).toContain(levelOf.get(arrear.personId));
    }
  });

  it('never dates a payment or status change after asOf', () => {
    const persons = Array.from({ length: 3000 }, (_, index) => person(index, 'background'));
    const records = planTaxRecords(persons, AS_OF);
    const dates = [
      ...records.arrears.flatMap((a) => [a.since, a.paidAt ?? a.since]),
      ...records.violations.flatMap((v) => [v.decidedAt, v.statusChangedAt ?? v.decidedAt]),
    ];
    expect(dates.filter((date) => date > AS_OF)).toEqual([]);
  });
});

describe('taxFeedHistory', () => {
  it('publishes A levels, arrears and violations, with a later version for each status change', () => {
    const persons = [
      person(0, 'tax_arrears'),
      person(1, 'repaired'),
      person(2, 'good_record_red_list'),
    ];
    const records = planTaxRecords(persons, AS_OF);
    const [open, paid] = records.arrears;
    const level = records.levels[0];
    // In date order: arrears of ~8 months ago and their payment, the open arrears of ~3 months
    // ago, then the A level published on 15 April.
    expect(taxFeedHistory(records)).toEqual([
      {
        sourceRecordId: paid.id,
        personId: persons[1].id,
        catalogCode: 'TAX_ARREARS',
        decidedAt: paid.since,
        decisionNo: paid.decisionNo,
        status: 'ACTIVE',
        statusChangedAt: null,
      },
      {
        sourceRecordId: paid.id,
        personId: persons[1].id,
        catalogCode: 'TAX_ARREARS',
        decidedAt: paid.since,
        decisionNo: paid.decisionNo,
        status: 'PERFORMED',
        statusChangedAt: paid.paidAt,
      },
      {
        sourceRecordId: open.id,
        personId: persons[0].id,
        catalogCode: 'TAX_ARREARS',
        decidedAt: open.since,
        decisionNo: open.decisionNo,
        status: 'ACTIVE',
        statusChangedAt: null,
      },
      {
        sourceRecordId: level.id,
        personId: persons[2].id,
        catalogCode: 'TAX_A_LEVEL',
        decidedAt: '2025-04-15',
        decisionNo: level.decisionNo,
        status: 'ACTIVE',
        statusChangedAt: null,
      },
    ]);
  });
});
