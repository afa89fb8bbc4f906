import { join } from 'node:path';
import type { SubgraphModule } from '../kit/subgraph-module';
import { createPopulationContext, populationResolvers } from './resolvers';
import type { PopulationContext } from './resolvers';
import { seedPopulation } from './seed';
import { createPopulationStore } from './store';

/** Population subgraph (PSB household register): owner of `Person`. */
export const populationSubgraph: SubgraphModule<PopulationContext> = {
  name: 'population',
  sdlFile: join(__dirname, 'population.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createPopulationStore(db);
    return {
      resolvers: populationResolvers,
      context: (base) => createPopulationContext(store, base),
    };
  },
  seed: (db, persons) => seedPopulation(createPopulationStore(db), persons),
};
