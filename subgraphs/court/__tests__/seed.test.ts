import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { addDays } from '../../kit/seed/random';
import type { Scenario } from '../../kit/seed/scenarios';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { caseKeyOf } from '../case-key';
import { courtFeedHistory } from '../court-feed-entries';
import { planCourtRecords } from '../seed';

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

describe('planCourtRecords', () => {
  it('lists serious_dishonest persons about 6 months ago, restricted, on an open case', () => {
    const subject = person(0, 'serious_dishonest');
    const { cases, listings, restrictions } = planCourtRecords([subject], AS_OF);
    const [enforcement] = cases;
    expect(cases).toEqual([
      {
        caseNo: expect.stringMatching(/^\(\d{4}\)川19(21)?执1号$/),
        personId: subject.id,
        court: expect.stringMatching(/^四川省.+人民法院$/),
        filedAt: expect.any(String),
        amount: expect.any(Number),
        status: 'OPEN',
        closedAt: null,
      },
    ]);
    expect(listings).toEqual([
      {
        id: 'COURT-DD-000001',
        personId: subject.id,
        caseNo: enforcement.caseNo,
        // Issued in the case, numbered after it: the write API finds it by this number.
        decisionNo: `${enforcement.caseNo}之一`,
        court: enforcement.court,
        listedAt: expect.any(String),
        status: 'LISTED',
        delistedAt: null,
        obligation: expect.stringContaining(`${enforcement.amount.toFixed(2)}元`),
      },
    ]);
    expectBetween(daysBetween(listings[0].listedAt, AS_OF), 170, 190);
    expect(enforcement.filedAt < listings[0].listedAt).toBe(true);
    expect(restrictions).toEqual([
      {
        id: 'COURT-RST-000001',
        personId: subject.id,
        caseNo: enforcement.caseNo,
        decisionNo: `${enforcement.caseNo}之二`,
        court: enforcement.court,
        decidedAt: listings[0].listedAt,
        status: 'ACTIVE',
        statusChangedAt: null,
      },
    ]);
  });

  it('gives other scenarios no court records', () => {
    const others = (['clean', 'tax_arrears', 'repaired', 'clean_3y'] as const).map(
      (scenario, index) => person(index, scenario),
    );
    expect(planCourtRecords(others, AS_OF)).toEqual({ cases: [], listings: [], restrictions: [] });
  });

  it('draws a realistic, consistent background mix, the same every time', () => {
    const persons = Array.from({ length: 5000 }, (_, index) => person(index, 'background'));
    const records = planCourtRecords(persons, AS_OF);
    expect(planCourtRecords(persons, AS_OF)).toEqual(records);
    expectBetween(records.cases.length / persons.length, 0.02, 0.04);
    expect(new Set(records.cases.map((c) => c.status))).toEqual(
      new Set(['OPEN', 'CONCLUDED', 'TERMINATED']),
    );
    const caseOf = new Map(records.cases.map((c) => [c.caseNo, c]));
    const restricted = new Set(records.restrictions.map((r) => r.caseNo));
    for (const listing of records.listings) {
      const enforcement = caseOf.get(listing.caseNo);
      // Listed on one of the person's own cases, after filing, and always restricted too.
      expect(enforcement?.personId).toBe(listing.personId);
      expect(enforcement && enforcement.filedAt < listing.listedAt).toBe(true);
      expect(restricted.has(listing.caseNo)).toBe(true);
      // A concluded case means the debtor performed (unless the listing was revoked earlier).
      if (enforcement?.status === 'CONCLUDED' && listing.status !== 'REVOKED') {
        expect([listing.status, listing.delistedAt]).toEqual(['PERFORMED', enforcement.closedAt]);
      }
      if (enforcement?.status !== 'CONCLUDED') expect(listing.status).not.toBe('PERFORMED');
    }
    const dates = [
      ...records.cases.flatMap((c) => [c.filedAt, c.closedAt ?? c.filedAt]),
      ...records.listings.flatMap((l) => [l.listedAt, l.delistedAt ?? l.listedAt]),
      ...records.restrictions.flatMap((r) => [r.decidedAt, r.statusChangedAt ?? r.decidedAt]),
    ];
    expect(dates.filter((date) => date > AS_OF)).toEqual([]);
  });
});

describe('courtFeedHistory', () => {
  it('publishes listings and restrictions, with a later version for each status change', () => {
    const persons = Array.from({ length: 3000 }, (_, index) => person(index, 'background'));
    const records = planCourtRecords(persons, AS_OF);
    const history = courtFeedHistory(records);
    const performed = records.listings.find((l) => l.status === 'PERFORMED');
    if (!performed) throw new Error('expected a performed listing in 3,000 persons');
    const versions = history.filter((e) => e.sourceRecordId === performed.id);
    expect(versions).toEqual([
      {
        sourceRecordId: performed.id,
        personId: performed.personId,
        catalogCode: 'COURT_DISHONEST_DEBTOR',
        decidedAt: performed.listedAt,
        decisionNo: null,
        status: 'ACTIVE',
        statusChangedAt: null,
        caseKey: caseKeyOf(performed.caseNo),
      },
      {
        sourceRecordId: performed.id,
        personId: performed.personId,
        catalogCode: 'COURT_DISHONEST_DEBTOR',
        decidedAt: performed.listedAt,
        decisionNo: null,
        status: 'PERFORMED',
        statusChangedAt: performed.delistedAt,
        caseKey: caseKeyOf(performed.caseNo),
      },
    ]);
    // The listing and the restriction of one case share the key; different cases do not.
    const restriction = records.restrictions.find((r) => r.caseNo === performed.caseNo);
    const restrictionKey = history.find((e) => e.sourceRecordId === restriction?.id)?.caseKey;
    expect(restrictionKey).toBe(caseKeyOf(performed.caseNo));
    expect(new Set(history.map((e) => e.caseKey)).size).toBe(
      records.cases.filter(
        (c) =>
          records.listings.some((l) => l.caseNo === c.caseNo) ||
          records.restrictions.some((r) => r.caseNo === c.caseNo),
      ).length,
    );
    expect(caseKeyOf(performed.caseNo)).not.toContain(performed.caseNo);
    expect(history).toHaveLength(
      records.listings.length +
        records.restrictions.length +
        records.listings.filter((l) => l.status !== 'LISTED').length +
        records.restrictions.filter((r) => r.status !== 'ACTIVE').length,
    );
    expect(new Set(history.map((e) => e.catalogCode))).toEqual(
      new Set(['COURT_DISHONEST_DEBTOR', 'COURT_CONSUMPTION_RESTRICTED']),
    );
  });
});
