import { join } from 'node:path';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import { createLicensingContext } from '../kit/licensing/licensing-context';
import type { LicensingContext } from '../kit/licensing/licensing-context';
import type { SubgraphModule } from '../kit/subgraph-module';
import { justiceDecisionProjection } from './decision-store';
import { justiceResolvers } from './resolvers';
import { seedJustice } from './seed';
import { createJusticeStore } from './store';

/**
 * Justice subgraph (司法局): practising certificates and sanctions of lawyers, notaries and
 * forensic appraisers, `Person.justice`; records the bureau's decisions (`justiceImport`,
 * `justiceRecordDecision`, ...) and publishes its licences and penalties (双公示).
 */
export const justiceSubgraph: SubgraphModule<LicensingContext> = {
  name: 'justice',
  sdlFile: join(__dirname, 'justice.graphql'),
  migrationsDir: join(__dirname, 'migrations'),
  build(db, environment) {
    const store = createJusticeStore(db);
    const writer = createDecisionWriter({
      schema: 'justice',
      db,
      projection: justiceDecisionProjection,
      disclosureFeed: true,
      now: environment.now,
    });
    return {
      resolvers: {
        ...justiceResolvers,
        ...decisionWriteResolvers({ subgraph: 'justice', writer, now: environment.now }),
      },
      context: (base) => createLicensingContext(store, base),
    };
  },
  seed: async (db, persons, { asOf }) => {
    await seedJustice(db, persons, asOf);
  },
};
