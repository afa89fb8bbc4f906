import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { validateUscc } from '../../../lib/ids/uscc';
import { addDays } from '../../kit/seed/random';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { marketFeedHistory } from '../market-feed-entries';
import { planMarketRecords } from '../seed';

const AS_OF = '2025-06-30';

function resident(index: number): SyntheticPerson {
  const birthDate = addDays('1950-01-01', (index * 11) % 23000);
  return {
    index,
    id: makeCitizenId('511921', birthDate.replace(/-/g, ''), 100 + (index % 800)),
    name: `测试${index}`,
    gender: 'MALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: '诺江镇',
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario: 'background',
    seed: (index * 2654435761) >>> 0,
  };
}

describe('market seed plan', () => {
  const persons = Array.from({ length: 3000 }, (_, i) => resident(i));
  const records = planMarketRecords(persons, AS_OF);

  it('is deterministic for the same persons and date', () => {
    expect(planMarketRecords(persons, AS_OF)).toEqual(records);
  });

  it('registers every enterprise under a distinct, valid unified social credit code', () => {
    const codes = records.enterprises.map((e) => e.uscc);
    expect(codes.filter((code) => !validateUscc(code).ok)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    const known = new Set(codes);
    const dangling = [...records.roles, ...records.honours].filter(
      (row) => !known.has(row.enterpriseUscc),
    );
    expect(dangling).toEqual([]);
  });

  it('gives nothing to minors and dates nothing after asOf', () => {
    const minors = new Set(
      persons
        .filter((p) => `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}` > AS_OF)
        .map((p) => p.id),
    );
    expect(minors.size).toBeGreaterThan(0);
    const rows = [...records.roles, ...records.licenses, ...records.penalties];
    expect(rows.filter((row) => minors.has(row.personId))).toEqual([]);
    const dates = [
      ...records.enterprises.flatMap((e) => [
        e.registeredAt,
        e.abnormalSince,
        e.seriousIllegalSince,
      ]),
      ...records.penalties.flatMap((p) => [p.decidedAt, p.statusChangedAt]),
      ...records.licenses.map((l) => l.issuedAt),
      ...records.roles.flatMap((r) => [r.since, r.until]),
    ].filter((date): date is string => date !== null);
    expect(dates.filter((date) => date > AS_OF)).toEqual([]);
  });

  it('keeps simple-procedure penalties to warnings and fines of at most 200 yuan', () => {
    const simple = records.penalties.filter((p) => p.simpleProcedure);
    expect(simple.length).toBeGreaterThan(0);
    expect(
      simple.filter(
        (p) => !(p.kind === 'WARNING' || (p.kind === 'FINE' && (p.amount ?? 0) <= 200)),
      ),
    ).toEqual([]);
  });

  it('publishes each source record id about one person only', () => {
    const owners = new Map<string, Set<string>>();
    for (const entry of marketFeedHistory(records)) {
      const owner = owners.get(entry.sourceRecordId) ?? new Set<string>();
      owner.add(entry.personId);
      owners.set(entry.sourceRecordId, owner);
    }
    expect([...owners.values()].filter((owner) => owner.size > 1)).toEqual([]);
  });
});
