import { makeCitizenId } from '../../lib/ids/citizen-id';
import { Random } from '../../subgraphs/kit/seed/random';
import type { Scenario } from '../../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../../subgraphs/kit/seed/synthetic-person';
import { allocateScenarios } from './allocate-scenarios';
import { dayNumber, fromDayNumber, isIsoDate, yearsBefore } from './calendar';
import { chineseName } from './chinese-name';
import { HOUSEHOLD_REGIONS, VILLAGES } from './household-regions';
import type { HouseholdRegion } from './household-regions';

/** Options of {@link generatePersons}. */
export interface GeneratePersonsOptions {
  /** Number of persons; at least 12 (one per scenario). No default. */
  count: number;
  /** PRNG seed (an unsigned 32-bit integer); the same seed gives the same county. No default. */
  seed: number;
  /** Reference date (`yyyy-mm-dd`, 1970-01-01 or later) for ages. No default. */
  asOf: string;
}

const EARLIEST_BIRTH = '1940-01-01';
const EARLIEST_AS_OF = '1970-01-01';
const REGISTRATION_ISSUES = [
  'DUPLICATE',
  'ERRONEOUS',
  'FALSIFIED',
  'UNREGISTERED',
  'DECEASED_NOT_CANCELLED',
];
/** Share of background persons with a registration issue, and who moved away or were cancelled. */
const ISSUE_SHARE = 0.01;
/** Share of background persons who moved into the county (the rest are registered since birth). */
const MOVED_IN_SHARE = 0.03;
/** Moves into the county happen within this many days before asOf. */
const MOVED_IN_WITHIN_DAYS = 3650;
const MIGRATED_OUT_SHARE = 0.025;
const CANCELLED_SHARE = 0.01;
const TONGJIANG = HOUSEHOLD_REGIONS[0];

/** Inclusive range of birth dates, as day numbers. */
interface BirthRange {
  first: number;
  last: number;
}

/** Birth-date ranges: people of 16+ for the background, ages fitting each scenario's story. */
function birthRanges(asOf: string): {
  background: BirthRange;
  adult: BirthRange;
  student: BirthRange;
} {
  const earliest = dayNumber(EARLIEST_BIRTH);
  // A year of age completes the day after the birthday (lib/civil-time ageOn): to be N on asOf,
  // the N-th birthday must be on or before the day before asOf.
  const dayBefore = fromDayNumber(dayNumber(asOf) - 1);
  return {
    background: { first: earliest, last: dayNumber(yearsBefore(dayBefore, 16)) },
    // Records years back (clean_3y: 4-5 years) must fall in adult life: ages 25 to 70.
    adult: {
      first: Math.max(earliest, dayNumber(yearsBefore(asOf, 71)) + 1),
      last: dayNumber(yearsBefore(dayBefore, 25)),
    },
    // Aged 19 to 22 on asOf: 23rd birthday after asOf, 19th birthday before it.
    student: {
      first: dayNumber(yearsBefore(asOf, 23)) + 1,
      last: dayNumber(yearsBefore(dayBefore, 19)),
    },
  };
}

/** Picks the household region of a background person by the regions' shares. */
function pickRegion(random: Random): HouseholdRegion {
  let draw = random.next();
  for (const region of HOUSEHOLD_REGIONS) {
    draw -= region.share;
    if (draw < 0) return region;
  }
  return TONGJIANG;
}

/** An address in `region`: a street of the seat, or village, group and house number of a town. */
function pickAddress(random: Random, region: HouseholdRegion): string {
  // The seat holds about a third of the people, most of them on its streets.
  const town = random.chance(0.35) ? region.towns[0] : random.pick(region.towns.slice(1));
  if (town === region.towns[0] && random.chance(0.7)) {
    return `${region.county}${town}${random.pick(region.streets)}${random.int(1, 320)}号`;
  }
  return `${region.county}${town}${random.pick(VILLAGES)}${random.int(1, 12)}组${random.int(1, 80)}号`;
}

/** Status and registration issues: ACTIVE for scenario persons, a realistic mix for the rest. */
function pickStatus(
  random: Random,
  scenario: Scenario | 'background',
): Pick<SyntheticPerson, 'householdStatus' | 'registrationIssues'> {
  if (scenario === 'deceased' || scenario === 'deceased_clean') {
    return { householdStatus: 'DECEASED', registrationIssues: [] };
  }
  if (scenario !== 'background') return { householdStatus: 'ACTIVE', registrationIssues: [] };
  // A person with an open registration issue is still on the active register (that is the issue).
  if (random.chance(ISSUE_SHARE)) {
    return { householdStatus: 'ACTIVE', registrationIssues: [random.pick(REGISTRATION_ISSUES)] };
  }
  const draw = random.next();
  if (draw < MIGRATED_OUT_SHARE) return { householdStatus: 'MIGRATED_OUT', registrationIssues: [] };
  if (draw < MIGRATED_OUT_SHARE + CANCELLED_SHARE) {
    return { householdStatus: 'CANCELLED', registrationIssues: [] };
  }
  return { householdStatus: 'ACTIVE', registrationIssues: [] };
}

/**
 * When a background person's household registration in the county began: since birth for most,
 * a move into the county within the last ten years (at 16 or older) for a few.
 */
function pickRegisteredSince(random: Random, birthDate: string, asOf: string): string {
  if (!random.chance(MOVED_IN_SHARE)) return birthDate;
  const first = Math.max(
    dayNumber(yearsBefore(birthDate, -16)),
    dayNumber(asOf) - MOVED_IN_WITHIN_DAYS,
  );
  const last = dayNumber(asOf) - 1;
  return first > last ? birthDate : fromDayNumber(random.int(first, last));
}

/**
 * A unique valid citizen id: a random sequence number of the right parity (odd for men), moved
 * on by two while it collides with an earlier person born the same day in the same region.
 */
function uniqueId(
  random: Random,
  region: string,
  birthDate: string,
  gender: 'MALE' | 'FEMALE',
  taken: Set<string>,
): string {
  // Sequences 1..998: odd ones for men, even ones for women (000 and 999 are left out).
  const start = random.int(0, 498);
  for (let step = 0; step < 499; step += 1) {
    const k = (start + step) % 499;
    const sequence = gender === 'MALE' ? 2 * k + 1 : 2 * k + 2;
    const id = makeCitizenId(region, birthDate, sequence);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new Error(`no free sequence number left for ${region} ${birthDate} ${gender}`);
}

/** Checks seed and asOf; count is checked by allocateScenarios (one person per scenario). */
function checkOptions({ seed, asOf }: GeneratePersonsOptions): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  if (!isIsoDate(asOf) || asOf < EARLIEST_AS_OF) {
    throw new RangeError(`asOf must be a real yyyy-mm-dd date from ${EARLIEST_AS_OF}, got ${asOf}`);
  }
}

/**
 * The synthetic residents of Tongjiang county: pure and deterministic (same options, same persons).
 * Every scenario of SCENARIOS gets 3 to 5 persons at positions fixed by `count` (fewer than
 * 36 persons: `floor(count / 12)` each, at least one); the rest are `background`. Person `i`
 * draws from its own stream, so background persons do not shift when scenarios are added.
 */
export function generatePersons(options: GeneratePersonsOptions): SyntheticPerson[] {
  checkOptions(options);
  const { count, seed, asOf } = options;
  const allocation = allocateScenarios(count);
  const ranges = birthRanges(asOf);
  const root = new Random(seed);
  const taken = new Set<string>();
  return allocation.map((scenario, index) => {
    const random = root.fork(`person-${index}`);
    const region = scenario === 'background' ? pickRegion(random) : TONGJIANG;
    const gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
    const range =
      scenario === 'background'
        ? ranges.background
        : scenario === 'student_integrity'
          ? ranges.student
          : ranges.adult;
    const birthDate = fromDayNumber(random.int(range.first, range.last));
    const id = uniqueId(random, region.code, birthDate, gender, taken);
    const person: Omit<SyntheticPerson, 'registeredSince'> = {
      index,
      id,
      name: chineseName(random, gender),
      gender,
      birthDate,
      householdRegion: region.code,
      householdAddress: pickAddress(random, region),
      ...pickStatus(random, scenario),
      scenario,
      seed: Math.floor(random.next() * 0x100000000),
    };
    // A stream of its own, so adding the register date moved no other draw.
    const registeredSince =
      scenario === 'background'
        ? pickRegisteredSince(random.fork('register'), birthDate, asOf)
        : birthDate;
    return { ...person, registeredSince };
  });
}
