import { licensingResolvers } from '../kit/licensing/licensing-resolvers';

/** Resolvers of the hrss subgraph: `Person.hrss` and the credit feed. */
export const hrssResolvers = licensingResolvers({
  feedField: 'hrssCreditFeed',
  occupationFeedField: 'hrssOccupationFeed',
  personField: 'hrss',
  infoType: 'HrssInfo',
  licencesField: 'civilService',
  sanctionsField: 'decisions',
});
