import { DEPARTMENT_REGISTRY } from '../../../lib/departments/department-registry';

/** A department whose credit feed the collector reads. */
export interface CreditSource {
  /** Department code, also the `source` of `credit.collection_state` and records' `sourceDept`. */
  dept: string;
  /** Subgraph name, the key of `environment.subgraphUrls`. */
  subgraph: string;
  /** The subgraph's `@inaccessible` feed query field. */
  feedField: string;
}

/** The departments' credit feeds (DESIGN §6), in registry order: every `creditFeed` department. */
export const CREDIT_SOURCES: readonly CreditSource[] = DEPARTMENT_REGISTRY.flatMap((entry) =>
  entry.creditFeed && entry.subgraph !== null
    ? [{ dept: entry.code, subgraph: entry.subgraph, feedField: `${entry.subgraph}CreditFeed` }]
    : [],
);
