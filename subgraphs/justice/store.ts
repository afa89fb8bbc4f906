import { createLicensingStore } from '../kit/licensing/create-licensing-store';
import type { Database } from '../kit/db/database';

/** SQL of the justice subgraph (schema `justice`): the kit's licensing store over its tables. */
export function createJusticeStore(db: Database) {
  return createLicensingStore(db, 'justice');
}
