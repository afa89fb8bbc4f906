import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the justice subgraph: `Person.justice` and its credit, occupation and disclosure feeds. */
export const justiceResolvers = licensingResolvers({
  feedField: 'justiceCreditFeed',
  occupationFeedField: 'justiceOccupationFeed',
  disclosureFeedField: 'justiceDisclosureFeed',
  personField: 'justice',
  infoType: 'JusticeInfo',
  licencesField: 'licences',
  sanctionsField: 'sanctions',
});
