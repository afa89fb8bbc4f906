import { DEPARTMENT_REGISTRY } from '../../../lib/departments/department-registry';
import type { CreditSource } from '../collector/credit-sources';

/**
 * The departments' disclosure feeds (双公示) the credit platform collects: every `disclosureFeed`
 * department of the registry, each publishing a `<subgraph>DisclosureFeed`
 * (`# @include disclosure-feed`).
 */
export const DISCLOSURE_SOURCES: readonly CreditSource[] = DEPARTMENT_REGISTRY.flatMap((entry) =>
  entry.disclosureFeed && entry.subgraph !== null
    ? [{ dept: entry.code, subgraph: entry.subgraph, feedField: `${entry.subgraph}DisclosureFeed` }]
    : [],
);
