import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import type { SubgraphModule } from '../kit/subgraph-module';
import { marketDecisionProjection } from './decision-store';
import { createMarketContext, marketResolvers } from './resolvers';
import type { MarketContext } from './resolvers';
import { seedMarket } from './seed';
import { createMarketStore } from './store';

/**
 * Market subgraph (AMR, 市场监管局): owner of `Enterprise`, adds `Person.market`, publishes the
 * credit and disclosure feeds and records the bureau's decisions (`marketImport`, ...).
 */
export const marketSubgraph: SubgraphModule<MarketContext> = {
  name: 'market',
  sdlFile: join(__dirname, 'market.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const store = createMarketStore(db);
    const writer = createDecisionWriter({
      schema: 'market',
      db,
      projection: marketDecisionProjection,
      disclosureFeed: true,
      now: environment.now,
    });
    return {
      resolvers: {
        ...marketResolvers,
        ...decisionWriteResolvers({ subgraph: 'market', writer, now: environment.now }),
      },
      context: (base) => createMarketContext(store, base),
    };
  },
  seed: (db, persons, { asOf }) => seedMarket(db, persons, asOf),
};
