import { join } from 'node:path';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { healthResolvers } from './resolvers';
import { seedHealth } from './seed';
import { createHealthStore } from './store';

/** Health subgraph (卫健局): doctors' and nurses' certificates and violations, `Person.health`. */
export const healthSubgraph: SubgraphModule<LicensingContext> = {
  name: 'health',
  sdlFile: join(__dirname, 'health.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createHealthStore(db);
    return {
      resolvers: healthResolvers,
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedHealth(db, persons, asOf);
  },
};
