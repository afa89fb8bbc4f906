import { createLicensingStore } from '../kit/licensing/create-licensing-store';
import type { Database } from '../kit/db/database';

/** SQL of the health subgraph (schema `health`): the kit's licensing store over its tables. */
export function createHealthStore(db: Database) {
  return createLicensingStore(db, 'health');
}
