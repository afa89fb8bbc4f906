import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import type { SubgraphModule } from '../kit/subgraph-module';
import { populationDecisionProjection } from './decision-store';
import { createPopulationContext, populationResolvers } from './resolvers';
import type { PopulationContext } from './resolvers';
import { seedPopulation } from './seed';
import { createPopulationStore } from './store';

/**
 * Population subgraph (PSB household register): owner of `Person`; records changes of household
 * status (`populationImport`, `populationRecordDecision`, ...).
 */
export const populationSubgraph: SubgraphModule<PopulationContext> = {
  name: 'population',
  sdlFile: join(__dirname, 'population.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const writer = createDecisionWriter({
      schema: 'population',
      db,
      projection: populationDecisionProjection,
      now: environment.now,
    });
    const store = createPopulationStore(db);
    return {
      resolvers: {
        ...populationResolvers,
        ...decisionWriteResolvers({ subgraph: 'population', writer, now: environment.now }),
      },
      context: (base) => createPopulationContext(store, base),
    };
  },
  seed: (db, persons) => seedPopulation(createPopulationStore(db), persons),
};
