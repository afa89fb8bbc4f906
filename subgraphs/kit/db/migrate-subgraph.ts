import { join } from 'node:path';
import { DEPARTMENT_REGISTRY } from '../../../lib/departments/department-registry';
import type { SubgraphModule } from '../subgraph-module';
import type { Database } from './database';
import { migrate } from './migrate';

/** The kit's own migrations of the credit-feed outbox, shared by every feeding department. */
const CREDIT_FEED_MIGRATIONS = join(__dirname, '..', 'migrations', 'credit-feed');
/** The kit's own migrations of the occupation-feed outbox (licensing departments). */
const OCCUPATION_FEED_MIGRATIONS = join(__dirname, '..', 'migrations', 'occupation-feed');

/**
 * Applies a subgraph's own migrations, then the kit's migrations of the parts the department
 * registry says it has (the credit-feed outbox of a `creditFeed` department, the occupation-feed
 * outbox of an `occupationFeed` one), so a department never copies an outbox table. Returns the versions applied.
 */
export async function migrateSubgraph(
  db: Database,
  module: Pick<SubgraphModule, 'name' | 'migrationsDir'>,
): Promise<string[]> {
  const applied = await migrate(db, module.name, module.migrationsDir);
  const entry = DEPARTMENT_REGISTRY.find((department) => department.subgraph === module.name);
  if (entry?.creditFeed) {
    applied.push(
      ...(await migrate(db, module.name, CREDIT_FEED_MIGRATIONS, {
        versionPrefix: 'kit_credit_feed_',
      })),
    );
  }
  if (entry?.occupationFeed) {
    applied.push(
      ...(await migrate(db, module.name, OCCUPATION_FEED_MIGRATIONS, {
        versionPrefix: 'kit_occupation_feed_',
      })),
    );
  }
  return applied;
}
