import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the hrss subgraph: `Person.hrss` and its credit, occupation and disclosure feeds. */
export const hrssResolvers = licensingResolvers({
  feedField: 'hrssCreditFeed',
  occupationFeedField: 'hrssOccupationFeed',
  disclosureFeedField: 'hrssDisclosureFeed',
  personField: 'hrss',
  infoType: 'HrssInfo',
  licencesField: 'civilService',
  sanctionsField: 'decisions',
});
