import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { healthDecisionProjection } from './decision-store';
import { healthResolvers } from './resolvers';
import { seedHealth } from './seed';
import { createHealthStore } from './store';

/**
 * Health subgraph (卫健局): doctors' and nurses' certificates and violations, `Person.health`;
 * records the bureau's decisions (`healthImport`, `healthRecordDecision`, ...) and publishes its
 * licences and penalties (双公示).
 */
export const healthSubgraph: SubgraphModule<LicensingContext> = {
  name: 'health',
  sdlFile: join(__dirname, 'health.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const store = createHealthStore(db);
    const writer = createDecisionWriter({
      schema: 'health',
      db,
      projection: healthDecisionProjection,
      disclosureFeed: true,
      now: environment.now,
    });
    return {
      resolvers: {
        ...healthResolvers,
        ...decisionWriteResolvers({ subgraph: 'health', writer, now: environment.now }),
      },
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedHealth(db, persons, asOf);
  },
};
