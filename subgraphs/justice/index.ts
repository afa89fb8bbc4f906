import { join } from 'node:path';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { justiceResolvers } from './resolvers';
import { seedJustice } from './seed';
import { createJusticeStore } from './store';

/**
 * Justice subgraph (司法局): practising certificates and sanctions of lawyers, notaries and
 * forensic appraisers, `Person.justice`.
 */
export const justiceSubgraph: SubgraphModule<LicensingContext> = {
  name: 'justice',
  sdlFile: join(__dirname, 'justice.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createJusticeStore(db);
    return {
      resolvers: justiceResolvers,
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedJustice(db, persons, asOf);
  },
};
