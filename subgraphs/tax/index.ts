import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import type { SubgraphModule } from '../kit/subgraph-module';
import { taxDecisionProjection } from './decision-store';
import { createTaxContext, taxResolvers } from './resolvers';
import type { TaxContext } from './resolvers';
import { seedTax } from './seed';
import { createTaxStore } from './store';

/**
 * Tax subgraph (税务局): extends `Person` with `tax`, publishes the tax credit and disclosure
 * feeds, and records the bureau's decisions (`taxImport`, `taxRecordDecision`, ...).
 */
export const taxSubgraph: SubgraphModule<TaxContext> = {
  name: 'tax',
  sdlFile: join(__dirname, 'tax.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const store = createTaxStore(db);
    const writer = createDecisionWriter({
      schema: 'tax',
      db,
      projection: taxDecisionProjection,
      disclosureFeed: true,
      now: environment.now,
    });
    return {
      resolvers: {
        ...taxResolvers,
        ...decisionWriteResolvers({ subgraph: 'tax', writer, now: environment.now }),
      },
      context: (base) => createTaxContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedTax(db, persons, asOf);
  },
};
