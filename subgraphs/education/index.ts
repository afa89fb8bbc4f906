import { chinaToday } from '../../lib/civil-time/china-today';
import { join } from 'node:path';
import type { SubgraphModule } from '../kit/subgraph-module';
import { createEducationContext, educationResolvers } from './resolvers';
import type { EducationContext } from './resolvers';
import { seedEducation } from './seed';
import { createEducationStore } from './store';

/** Education subgraph (EDU, 教科体局): adds `Person.education` (integrity file, qualifications). */
export const educationSubgraph: SubgraphModule<EducationContext> = {
  name: 'education',
  sdlFile: join(__dirname, 'education.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db) {
    const store = createEducationStore(db);
    return {
      resolvers: educationResolvers,
      context: (base) => createEducationContext(store, base),
    };
  },
  seed: (db, persons) => seedEducation(db, persons, process.env.SEED_AS_OF ?? chinaToday()),
};
