import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { hrssDecisionProjection } from './decision-store';
import { hrssResolvers } from './resolvers';
import { seedHrss } from './seed';
import { createHrssStore } from './store';

/**
 * Human resources and social security subgraph (人社局): the civil servants' register, their
 * sanctions, wage-arrears listings and social-insurance fraud, `Person.hrss`; records the
 * bureau's decisions (`hrssImport`, `hrssRecordDecision`, ...) and publishes its penalties (双公示).
 */
export const hrssSubgraph: SubgraphModule<LicensingContext> = {
  name: 'hrss',
  sdlFile: join(__dirname, 'hrss.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const store = createHrssStore(db);
    const writer = createDecisionWriter({
      schema: 'hrss',
      db,
      projection: hrssDecisionProjection,
      disclosureFeed: true,
      now: environment.now,
    });
    return {
      resolvers: {
        ...hrssResolvers,
        ...decisionWriteResolvers({ subgraph: 'hrss', writer, now: environment.now }),
      },
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedHrss(db, persons, asOf);
  },
};
