import type { CreditSource } from '../collector/credit-sources';

/**
 * The household register (公安局 PSB, subgraph population) as a source of the credit platform:
 * its register feed tells which persons are deceased or whose registration is in doubt, and since
 * when the county has known each person. Its collection is reported on every profile and judged
 * stale like the departments' credit feeds.
 */
export const REGISTER_SOURCE: CreditSource = {
  dept: 'PSB',
  subgraph: 'population',
  feedField: 'populationRegisterFeed',
};
