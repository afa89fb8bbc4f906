import { addDays, Random } from '../../kit/seed/random';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import type { SeededGoodConduct } from './good-conduct-store';

/** The kinds of good conduct the credit platform records itself, with their deciding bureau. */
export const GOOD_CONDUCT_KINDS = {
  CIVIL_VOLUNTEER_SERVICE: { dept: 'CIVIL' },
  CIVIL_CHARITY_DONATION: { dept: 'CIVIL' },
  HONOUR_MODEL_WORKER: { dept: 'NDRC' },
} as const;

export type GoodConductKind = keyof typeof GOOD_CONDUCT_KINDS;

/**
 * The good-conduct records of a seeded county as of `asOf`: every `good_record_red_list`,
 * `good_and_general_bad` and `objection_upheld` person gets a volunteer-service record 30 to 200
 * days before `asOf` (besides the departments' good records); `background` persons get a few at random (about 6% volunteer service, 3% charity,
 * 1% model worker, within the last 2 years), drawn from `Random(person.seed).fork('credit')`.
 * Other scenarios get none, so their fixtures keep the shapes of DESIGN §7.
 */
export function planGoodConduct(
  persons: readonly SyntheticPerson[],
  asOf: string,
  recordedAt: Date,
): SeededGoodConduct[] {
  const records: SeededGoodConduct[] = [];
  const add = (person: SyntheticPerson, kind: GoodConductKind, decidedAt: string) => {
    const n = records.length + 1;
    const { dept } = GOOD_CONDUCT_KINDS[kind];
    records.push({
      sourceDept: dept,
      sourceRecordId: `SEED${String(n).padStart(6, '0')}`,
      personId: person.id,
      catalogCode: kind,
      decidedAt,
      decisionNo: `通${dept === 'CIVIL' ? '民' : '发改'}〔${decidedAt.slice(0, 4)}〕${n}号`,
      recordedBy: 'seed',
      recordedAt,
    });
  };
  for (const person of persons) {
    const random = new Random(person.seed).fork('credit');
    if (
      person.scenario === 'good_record_red_list' ||
      person.scenario === 'good_and_general_bad' ||
      person.scenario === 'objection_upheld'
    ) {
      add(person, 'CIVIL_VOLUNTEER_SERVICE', addDays(asOf, -random.int(30, 200)));
    } else if (person.scenario === 'background') {
      if (random.chance(0.06)) {
        add(person, 'CIVIL_VOLUNTEER_SERVICE', addDays(asOf, -random.int(10, 700)));
      }
      if (random.chance(0.03)) {
        add(person, 'CIVIL_CHARITY_DONATION', addDays(asOf, -random.int(10, 700)));
      }
      if (random.chance(0.01)) {
        add(person, 'HONOUR_MODEL_WORKER', addDays(asOf, -random.int(10, 700)));
      }
    }
  }
  return records;
}
