import { chinaToday } from '../../lib/civil-time/china-today';
import { join } from 'node:path';
import type { SubgraphModule } from '../kit/subgraph-module';
import { courtResolvers, createCourtContext } from './resolvers';
import type { CourtContext } from './resolvers';
import { seedCourt } from './seed';
import { createCourtStore } from './store';

/** Court subgraph (法院): extends `Person` with `court` and publishes the court credit feed. */
export const courtSubgraph: SubgraphModule<CourtContext> = {
  name: 'court',
  sdlFile: join(__dirname, 'court.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createCourtStore(db);
    return {
      resolvers: courtResolvers,
      context: (base) => createCourtContext(store, base),
    };
  },
  seed: async (db, persons) => {
    await seedCourt(db, persons, process.env.SEED_AS_OF ?? chinaToday());
  },
};
