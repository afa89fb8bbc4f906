import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import type { SubgraphModule } from '../kit/subgraph-module';
import { courtDecisionProjection } from './decision-store';
import { courtResolvers, createCourtContext } from './resolvers';
import type { CourtContext } from './resolvers';
import { seedCourt } from './seed';
import { createCourtStore } from './store';

/**
 * Court subgraph (法院): extends `Person` with `court`, publishes the court credit feed and records
 * the court's listings and restrictions (`courtImport`, `courtRecordDecision`, ...).
 */
export const courtSubgraph: SubgraphModule<CourtContext> = {
  name: 'court',
  sdlFile: join(__dirname, 'court.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const writer = createDecisionWriter({
      schema: 'court',
      db,
      projection: courtDecisionProjection,
      now: environment.now,
    });
    const store = createCourtStore(db);
    return {
      resolvers: {
        ...courtResolvers,
        ...decisionWriteResolvers({ subgraph: 'court', writer, now: environment.now }),
      },
      context: (base) => createCourtContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedCourt(db, persons, asOf);
  },
};
