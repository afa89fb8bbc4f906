import type { Database } from '../kit/db/database';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { EducationSeedPlan } from './education-seed-plan';
import { educationFeedHistory } from './education-feed-entries';
import type { EducationRecords } from './records';
import { createEducationStore } from './store';

/**
 * The education bureau's records of the synthetic county as of `asOf` (ISO date): deterministic
 * for the same persons and date. Integrity records of minors are drawn (minors do misbehave) but
 * skipped by the age rule, as the bureau's intake would.
 */
export function planEducationRecords(
  persons: readonly SyntheticPerson[],
  asOf: string,
): EducationRecords {
  const plan = new EducationSeedPlan(asOf);
  for (const person of persons) plan.addPerson(person);
  return plan.records;
}

/**
 * Replaces the education bureau's data with its part of the synthetic county, domain rows and
 * the matching credit feed in one transaction.
 */
export async function seedEducation(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<void> {
  const records = planEducationRecords(persons, asOf);
  await createEducationStore(db).replaceAll(records, educationFeedHistory(records));
}
