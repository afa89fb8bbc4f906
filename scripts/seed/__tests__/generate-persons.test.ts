import { birthDateOf, genderOf, validateCitizenId } from '../../../lib/ids/citizen-id';
import { SCENARIOS } from '../../../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../../../subgraphs/kit/seed/synthetic-person';
import { ageOn } from '../../../lib/civil-time/age-on';
import { generatePersons } from '../generate-persons';
import { HOUSEHOLD_REGIONS } from '../household-regions';

const AS_OF = '2025-06-30';
const REGION_CODES = HOUSEHOLD_REGIONS.map((region) => region.code);
const TONGJIANG_TOWNS = HOUSEHOLD_REGIONS[0].towns;

/** How many persons fall in each value of `key`. */
function tally(persons: readonly SyntheticPerson[], key: (p: SyntheticPerson) => string) {
  const counts: Record<string, number> = {};
  for (const person of persons) counts[key(person)] = (counts[key(person)] ?? 0) + 1;
  return counts;
}

function scenarioCounts(persons: readonly SyntheticPerson[]): Record<string, number> {
  return tally(
    persons.filter((p) => p.scenario !== 'background'),
    (p) => p.scenario,
  );
}

function eachScenario(n: number): Record<string, number> {
  return Object.fromEntries(SCENARIOS.map((scenario) => [scenario, n]));
}

describe('generatePersons', () => {
  const large = generatePersons({ count: 20_000, seed: 2018, asOf: AS_OF });

  describe('determinism', () => {
    it('gives identical persons for identical options', () => {
      expect(generatePersons({ count: 500, seed: 7, asOf: AS_OF })).toEqual(
        generatePersons({ count: 500, seed: 7, asOf: AS_OF }),
      );
    });

    it('gives a different county for a different seed', () => {
      const a = generatePersons({ count: 500, seed: 7, asOf: AS_OF });
      const b = generatePersons({ count: 500, seed: 8, asOf: AS_OF });
      const sameIds = a.filter((person, i) => person.id === b[i].id).length;
      expect(sameIds).toBeLessThan(5);
      // Scenario positions depend on the count only, so fixtures stay where they are.
      expect(a.map((p) => p.scenario)).toEqual(b.map((p) => p.scenario));
    });

    it('keeps background persons when only the population size changes', () => {
      const small = generatePersons({ count: 1000, seed: 2018, asOf: AS_OF });
      const sameAsLarge = small.filter(
        (person) =>
          person.scenario === 'background' &&
          large[person.index].scenario === 'background' &&
          person.id === large[person.index].id,
      ).length;
      expect(sameAsLarge).toBeGreaterThan(900);
    });

    it('numbers persons by position', () => {
      expect(large.map((person) => person.index)).toEqual(large.map((_, i) => i));
    });
  });

  describe('identity', () => {
    it('makes 20,000 valid, unique citizen ids of Bazhong regions', () => {
      const invalid = large.filter(
        (person) => !validateCitizenId(person.id, new Date(`${AS_OF}T00:00:00Z`)).ok,
      );
      expect(invalid).toEqual([]);
      expect(new Set(large.map((person) => person.id)).size).toBe(20_000);
      expect(large.filter((person) => !REGION_CODES.includes(person.id.slice(0, 6)))).toEqual([]);
    });

    it('keeps id, region, birth date and gender consistent', () => {
      const inconsistent = large.filter(
        (person) =>
          person.id.slice(0, 6) !== person.householdRegion ||
          birthDateOf(person.id) !== person.birthDate ||
          genderOf(person.id) !== person.gender,
      );
      expect(inconsistent).toEqual([]);
    });

    it('registers most persons in Tongjiang (511921) and some in every neighbouring region', () => {
      const regions = tally(large, (p) => p.householdRegion);
      expect(Object.keys(regions).sort()).toEqual([...REGION_CODES].sort());
      expect(regions['511921'] / large.length).toBeGreaterThan(0.85);
      for (const code of REGION_CODES) expect(regions[code]).toBeGreaterThan(100);
    });

    it('gives Chinese names of two or three characters', () => {
      expect(large.filter((person) => !/^[\u4e00-\u9fff]{2,3}$/.test(person.name))).toEqual([]);
      const lengths = tally(large, (p) => String(p.name.length));
      expect(Object.keys(lengths).sort()).toEqual(['2', '3']);
      expect(new Set(large.map((person) => person.name[0])).has('王')).toBe(true);
    });

    it('gives both genders in about equal numbers', () => {
      const genders = tally(large, (p) => p.gender);
      expect(Math.abs(genders.MALE - genders.FEMALE)).toBeLessThan(600);
    });

    it('addresses every person in a town of their own region', () => {
      const misplaced = large.filter((person) => {
        const region = HOUSEHOLD_REGIONS.find((r) => r.code === person.householdRegion);
        return !region?.towns.some((town) =>
          person.householdAddress.startsWith(`${region.county}${town}`),
        );
      });
      expect(misplaced).toEqual([]);
      expect(large.filter((person) => !/\d+号$/.test(person.householdAddress))).toEqual([]);
      const tongjiang = large.filter((p) => p.householdRegion === '511921');
      const towns = new Set(tongjiang.map((p) => p.householdAddress.slice(3, 6)));
      expect([...towns].sort()).toEqual([...TONGJIANG_TOWNS].sort());
    });

    it('gives every person a 32-bit seed, nearly all distinct', () => {
      const bad = large.filter(
        (person) => !Number.isInteger(person.seed) || person.seed < 0 || person.seed > 0xffffffff,
      );
      expect(bad).toEqual([]);
      expect(new Set(large.map((person) => person.seed)).size).toBeGreaterThan(19_900);
    });
  });

  describe('household register', () => {
    const background = large.filter((person) => person.scenario === 'background');

    it('keeps most background persons ACTIVE with a few migrated out or cancelled', () => {
      const statuses = tally(background, (p) => p.householdStatus);
      expect(Object.keys(statuses).sort()).toEqual(['ACTIVE', 'CANCELLED', 'MIGRATED_OUT']);
      expect(statuses.ACTIVE / background.length).toBeGreaterThan(0.94);
      expect(statuses.MIGRATED_OUT).toBeGreaterThan(200);
      expect(statuses.CANCELLED).toBeGreaterThan(50);
    });

    it('gives about 1% one registration issue each, of every kind, on the active register', () => {
      const withIssues = background.filter((person) => person.registrationIssues.length > 0);
      expect(withIssues.length / background.length).toBeGreaterThan(0.005);
      expect(withIssues.length / background.length).toBeLessThan(0.02);
      expect(withIssues.filter((person) => person.registrationIssues.length !== 1)).toEqual([]);
      expect(withIssues.filter((person) => person.householdStatus !== 'ACTIVE')).toEqual([]);
      expect(Object.keys(tally(withIssues, (p) => p.registrationIssues[0])).sort()).toEqual([
        'DECEASED_NOT_CANCELLED',
        'DUPLICATE',
        'ERRONEOUS',
        'FALSIFIED',
        'UNREGISTERED',
      ]);
    });

    it('makes background persons 16 or older, born 1940 or later', () => {
      const outOfRange = background.filter(
        (person) => person.birthDate < '1940-01-01' || (ageOn(person.birthDate, AS_OF) ?? 0) < 16,
      );
      expect(outOfRange).toEqual([]);
      const birthYears = new Set(background.map((person) => person.birthDate.slice(0, 4)));
      expect(birthYears.has('1940')).toBe(true);
      expect(birthYears.has('2009')).toBe(true);
    });
  });

  describe('scenarios', () => {
    it('gives every scenario 5 persons in a large population, the rest background', () => {
      expect(scenarioCounts(large)).toEqual(eachScenario(5));
      expect(large.filter((p) => p.scenario === 'background').length).toBe(
        20_000 - 5 * SCENARIOS.length,
      );
    });

    // 3 each, growing to 5 once scenario persons stay under a tenth of the population.
    const tenth = (each: number) => each * SCENARIOS.length * 10;
    it.each([
      [3 * SCENARIOS.length, 3],
      [300, 3],
      [tenth(4) - 1, 3],
      [tenth(4), 4],
      [tenth(5), 5],
      [5000, 5],
    ])('gives every scenario its share in %i persons: %i each', (count, each) => {
      expect(scenarioCounts(generatePersons({ count, seed: 2018, asOf: AS_OF }))).toEqual(
        eachScenario(each),
      );
    });

    it.each([
      [SCENARIOS.length, 1],
      [2 * SCENARIOS.length, 2],
      [3 * SCENARIOS.length - 1, 2],
    ])(
      'gives each scenario fewer than 3 when only %i persons are asked for: %i each',
      (count, each) => {
        const persons = generatePersons({ count, seed: 2018, asOf: AS_OF });
        expect(persons).toHaveLength(count);
        expect(scenarioCounts(persons)).toEqual(eachScenario(each));
      },
    );

    it('spreads the scenario persons over the population in SCENARIOS order', () => {
      const positions = generatePersons({ count: 300, seed: 1, asOf: AS_OF })
        .filter((p) => p.scenario !== 'background')
        .map((p) => [p.index, p.scenario]);
      // 3 persons per scenario: slot k of 3 x SCENARIOS at floor(k * 300 / slots).
      const slots = 3 * SCENARIOS.length;
      expect(positions.slice(0, SCENARIOS.length + 1)).toEqual([
        ...SCENARIOS.map((scenario, k) => [Math.floor((k * 300) / slots), scenario]),
        [Math.floor((SCENARIOS.length * 300) / slots), 'clean'],
      ]);
      expect(positions.slice(0, 3)).toEqual([
        [0, 'clean'],
        [4, 'clean_3y'],
        [9, 'serious_dishonest'],
      ]);
    });

    it('makes student_integrity persons 19 to 22 years old on asOf', () => {
      for (const asOf of [AS_OF, '2024-02-29', '2024-03-01', '2023-02-28', '2025-01-01']) {
        const students = generatePersons({ count: 2000, seed: 99, asOf }).filter(
          (p) => p.scenario === 'student_integrity',
        );
        expect(students).toHaveLength(5);
        for (const student of students) {
          const age = ageOn(student.birthDate, asOf) ?? -1;
          expect({ asOf, birthDate: student.birthDate, ok: age >= 19 && age <= 22 }).toEqual({
            asOf,
            birthDate: student.birthDate,
            ok: true,
          });
        }
      }
    });

    it('gives student_integrity ages across 19 to 22 over many seeds', () => {
      const ages = new Set<number>();
      for (let seed = 0; seed < 40; seed += 1) {
        for (const p of generatePersons({ count: 60, seed, asOf: AS_OF })) {
          if (p.scenario === 'student_integrity') ages.add(ageOn(p.birthDate, AS_OF) ?? -1);
        }
      }
      expect([...ages].sort()).toEqual([19, 20, 21, 22]);
    });

    it('makes the other scenario persons adults of 25 to 70, registered in Tongjiang', () => {
      const others = large.filter(
        (p) => p.scenario !== 'background' && p.scenario !== 'student_integrity',
      );
      expect(others).toHaveLength(5 * (SCENARIOS.length - 1));
      for (const person of others) {
        const age = ageOn(person.birthDate, AS_OF) ?? -1;
        expect({ id: person.id, adult: age >= 25 && age <= 70 }).toEqual({
          id: person.id,
          adult: true,
        });
        expect(person.householdRegion).toBe('511921');
      }
    });

    it('marks deceased persons DECEASED and every other scenario person ACTIVE without issues', () => {
      const scenarioPersons = large.filter((p) => p.scenario !== 'background');
      expect(
        scenarioPersons.map((p) => [p.scenario, p.householdStatus, p.registrationIssues]),
      ).toEqual(
        scenarioPersons.map((p) => [
          p.scenario,
          p.scenario === 'deceased' || p.scenario === 'deceased_clean' ? 'DECEASED' : 'ACTIVE',
          [],
        ]),
      );
      const deceased = large.filter((p) => p.householdStatus === 'DECEASED');
      expect(deceased.map((p) => p.scenario).sort()).toEqual([
        ...Array(5).fill('deceased'),
        ...Array(5).fill('deceased_clean'),
      ]);
    });
  });

  describe('options', () => {
    it.each([
      [
        { count: SCENARIOS.length - 1, seed: 1, asOf: AS_OF },
        `a population needs at least ${SCENARIOS.length} persons (one per scenario), got ${SCENARIOS.length - 1}`,
      ],
      [
        { count: 0, seed: 1, asOf: AS_OF },
        `a population needs at least ${SCENARIOS.length} persons (one per scenario), got 0`,
      ],
      [
        { count: 100.5, seed: 1, asOf: AS_OF },
        `a population needs at least ${SCENARIOS.length} persons (one per scenario), got 100.5`,
      ],
      [
        { count: 100, seed: -1, asOf: AS_OF },
        'seed must be an integer from 0 to 4294967295, got -1',
      ],
      [
        { count: 100, seed: 2 ** 32, asOf: AS_OF },
        'seed must be an integer from 0 to 4294967295, got 4294967296',
      ],
      [
        { count: 100, seed: 1, asOf: '2025-02-30' },
        'asOf must be a real yyyy-mm-dd date from 1970-01-01, got 2025-02-30',
      ],
      [
        { count: 100, seed: 1, asOf: '1969-12-31' },
        'asOf must be a real yyyy-mm-dd date from 1970-01-01, got 1969-12-31',
      ],
      [
        { count: 100, seed: 1, asOf: '30/06/2025' },
        'asOf must be a real yyyy-mm-dd date from 1970-01-01, got 30/06/2025',
      ],
    ])('rejects %o', (options, message) => {
      expect(() => generatePersons(options)).toThrow(new RangeError(message));
    });

    it('accepts the earliest asOf, 1970-01-01, with everyone born 1940 or later', () => {
      const persons = generatePersons({ count: 100, seed: 1, asOf: '1970-01-01' });
      expect(persons.filter((p) => p.birthDate < '1940-01-01')).toEqual([]);
      expect(persons.filter((p) => (ageOn(p.birthDate, '1970-01-01') ?? -1) < 16)).toEqual([]);
    });
  });
});
