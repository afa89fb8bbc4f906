import { join } from 'node:path';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { hrssResolvers } from './resolvers';
import { seedHrss } from './seed';
import { createHrssStore } from './store';

/**
 * Human resources and social security subgraph (人社局): the civil servants' register, their
 * sanctions, wage-arrears listings and social-insurance fraud, `Person.hrss`.
 */
export const hrssSubgraph: SubgraphModule<LicensingContext> = {
  name: 'hrss',
  sdlFile: join(__dirname, 'hrss.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createHrssStore(db);
    return {
      resolvers: hrssResolvers,
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedHrss(db, persons, asOf);
  },
};
