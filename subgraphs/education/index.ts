import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import type { SubgraphModule } from '../kit/subgraph-module';
import { educationDecisionProjection } from './decision-store';
import { createEducationContext, educationResolvers } from './resolvers';
import type { EducationContext } from './resolvers';
import { seedEducation } from './seed';
import { createEducationStore } from './store';

/**
 * Education subgraph (EDU, 教科体局): adds `Person.education` (integrity file, qualifications) and
 * records the integrity file's decisions (`educationImport`, `educationRecordDecision`, ...).
 */
export const educationSubgraph: SubgraphModule<EducationContext> = {
  name: 'education',
  sdlFile: join(__dirname, 'education.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const writer = createDecisionWriter({
      schema: 'education',
      db,
      projection: educationDecisionProjection,
      now: environment.now,
    });
    const store = createEducationStore(db);
    return {
      resolvers: {
        ...educationResolvers,
        ...decisionWriteResolvers({ subgraph: 'education', writer, now: environment.now }),
      },
      context: (base) => createEducationContext(store, base),
    };
  },
  seed: (db, persons, { asOf }) => seedEducation(db, persons, asOf),
};
