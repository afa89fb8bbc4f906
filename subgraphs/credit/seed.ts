import type { Database } from '../kit/db/database';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { createCreditStore } from './store';

/**
 * Resets the credit platform for a freshly seeded county: collected records and cursors are
 * cleared, because collected data comes from the departments' feeds through the collector, never
 * from the seed. `persons` and `asOf` are for the platform's own records in later slices.
 */
export async function seedCredit(
  db: Database,
  _persons: readonly SyntheticPerson[],
  _asOf: string,
): Promise<void> {
  await createCreditStore(db).resetCollection();
}
