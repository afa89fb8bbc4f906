import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the health subgraph: `Person.health` and its credit, occupation and disclosure feeds. */
export const healthResolvers = licensingResolvers({
  feedField: 'healthCreditFeed',
  occupationFeedField: 'healthOccupationFeed',
  disclosureFeedField: 'healthDisclosureFeed',
  personField: 'health',
  infoType: 'HealthInfo',
  licencesField: 'certificates',
  sanctionsField: 'violations',
});
