import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { addDays } from '../../kit/seed/random';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { educationFeedHistory } from '../education-feed-entries';
import { EducationSeedPlan } from '../education-seed-plan';
import { adultFrom } from '../../../lib/civil-time/adult-from';

const AS_OF = '2025-06-30';

/** Mostly teenagers and young adults, where exam conduct is drawn. */
function resident(index: number): SyntheticPerson {
  const birthDate = addDays('1994-01-01', (index * 3) % 5000);
  return {
    index,
    id: makeCitizenId('511921', birthDate.replace(/-/g, ''), 100 + (index % 800)),
    name: `测试${index}`,
    gender: 'FEMALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: '诺江镇',
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario: index % 100 === 0 ? 'student_integrity' : 'background',
    seed: (index * 2654435761) >>> 0,
  };
}

function plan(persons: readonly SyntheticPerson[]): EducationSeedPlan {
  const result = new EducationSeedPlan(AS_OF);
  for (const person of persons) result.addPerson(person);
  return result;
}

describe('education seed plan', () => {
  const persons = Array.from({ length: 4000 }, (_, i) => resident(i));
  const result = plan(persons);
  const birthOf = new Map(persons.map((p) => [p.id, p.birthDate]));

  it('is deterministic for the same persons and date', () => {
    expect(plan(persons).records).toEqual(result.records);
  });

  it('draws conduct of minors but keeps only decisions taken at 18 or older', () => {
    expect(result.skippedMinorRecords).toBeGreaterThan(persons.length / 100);
    const minors = result.records.integrityRecords.filter(
      (r) => r.decidedAt < (adultFrom(birthOf.get(r.personId) ?? '') ?? '9999-12-31'),
    );
    expect(minors).toEqual([]);
    expect(result.records.integrityRecords.length).toBeGreaterThan(0);
  });

  it('gives every student_integrity person exactly one exam-cheating record, published once', () => {
    const students = persons.filter((p) => p.scenario === 'student_integrity');
    const feed = educationFeedHistory(result.records);
    for (const student of students) {
      expect(
        feed.filter((e) => e.personId === student.id).map((e) => [e.catalogCode, e.status]),
      ).toEqual([['EDU_EXAM_CHEATING', 'ACTIVE']]);
    }
  });

  it('dates nothing after asOf', () => {
    const { integrityRecords, qualifications, honours } = result.records;
    const dates = [
      ...integrityRecords.flatMap((r) => [r.decidedAt, r.statusChangedAt]),
      ...qualifications.map((q) => q.issuedAt),
      ...honours.map((h) => h.decidedAt),
    ].filter((date): date is string => date !== null);
    expect(dates.filter((date) => date > AS_OF)).toEqual([]);
  });
});
