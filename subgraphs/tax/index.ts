import { chinaToday } from '../../lib/civil-time/china-today';
import { join } from 'node:path';
import type { SubgraphModule } from '../kit/subgraph-module';
import { createTaxContext, taxResolvers } from './resolvers';
import type { TaxContext } from './resolvers';
import { seedTax } from './seed';
import { createTaxStore } from './store';

/** Tax subgraph (税务局): extends `Person` with `tax` and publishes the tax credit feed. */
export const taxSubgraph: SubgraphModule<TaxContext> = {
  name: 'tax',
  sdlFile: join(__dirname, 'tax.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createTaxStore(db);
    return {
      resolvers: taxResolvers,
      context: (base) => createTaxContext(store, base),
    };
  },
  seed: async (db, persons) => {
    await seedTax(db, persons, process.env.SEED_AS_OF ?? chinaToday());
  },
};
