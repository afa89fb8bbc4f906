import { chinaToday } from '../../lib/civil-time/china-today';
import { join } from 'node:path';
import type { SubgraphModule } from '../kit/subgraph-module';
import { createMarketContext, marketResolvers } from './resolvers';
import type { MarketContext } from './resolvers';
import { seedMarket } from './seed';
import { createMarketStore } from './store';

/** Market subgraph (AMR, 市场监管局): owner of `Enterprise`, adds `Person.market`. */
export const marketSubgraph: SubgraphModule<MarketContext> = {
  name: 'market',
  sdlFile: join(__dirname, 'market.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createMarketStore(db);
    return {
      resolvers: marketResolvers,
      context: (base) => createMarketContext(store, base),
    };
  },
  seed: (db, persons) => seedMarket(db, persons, process.env.SEED_AS_OF ?? chinaToday()),
};
