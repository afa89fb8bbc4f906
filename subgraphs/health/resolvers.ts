import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the health subgraph: `Person.health` and the credit feed. */
export const healthResolvers = licensingResolvers({
  feedField: 'healthCreditFeed',
  occupationFeedField: 'healthOccupationFeed',
  personField: 'health',
  infoType: 'HealthInfo',
  licencesField: 'certificates',
  sanctionsField: 'violations',
});
