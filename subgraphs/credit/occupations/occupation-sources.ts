import { DEPARTMENT_REGISTRY } from '../../../lib/departments/department-registry';
import type { CreditSource } from '../collector/credit-sources';

/**
 * The departments' occupation feeds the credit platform collects for `Person.occupations`: every
 * `occupationFeed` department of the registry, each publishing a `<subgraph>OccupationFeed`.
 */
export const OCCUPATION_SOURCES: readonly CreditSource[] = DEPARTMENT_REGISTRY.flatMap((entry) =>
  entry.occupationFeed && entry.subgraph !== null
    ? [{ dept: entry.code, subgraph: entry.subgraph, feedField: `${entry.subgraph}OccupationFeed` }]
    : [],
);
