import { chinaDayStart } from '../../../lib/civil-time/china-day-start';
import type { Database } from '../../kit/db/database';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { createGoodConductStore } from './good-conduct-store';
import { planGoodConduct } from './plan-good-conduct';

/**
 * Replaces the credit platform's own good-conduct records with those of `planGoodConduct` for the
 * seeded county (recorded at midnight of `asOf`, China Standard Time, so a seed is repeatable).
 */
export async function seedGoodConduct(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<void> {
  const recordedAt = chinaDayStart(asOf);
  await createGoodConductStore(db).replaceAll(planGoodConduct(persons, asOf, recordedAt));
}
