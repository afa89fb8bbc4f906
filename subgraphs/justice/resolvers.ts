import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the justice subgraph: `Person.justice` and the credit feed. */
export const justiceResolvers = licensingResolvers({
  feedField: 'justiceCreditFeed',
  occupationFeedField: 'justiceOccupationFeed',
  personField: 'justice',
  infoType: 'JusticeInfo',
  licencesField: 'licences',
  sanctionsField: 'sanctions',
});
