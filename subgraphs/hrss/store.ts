import { createLicensingStore } from '../kit/licensing/create-licensing-store';
import type { Database } from '../kit/db/database';

/** SQL of the hrss subgraph (schema `hrss`): the kit's licensing store over its tables. */
export function createHrssStore(db: Database) {
  return createLicensingStore(db, 'hrss');
}
