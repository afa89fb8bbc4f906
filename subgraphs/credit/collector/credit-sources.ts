/** A department whose credit feed the collector reads. */
export interface CreditSource {
  /** Department code, also the `source` of `credit.collection_state` and records' `sourceDept`. */
  dept: string;
  /** Subgraph name, the key of `environment.subgraphUrls`. */
  subgraph: string;
  /** The subgraph's `@inaccessible` feed query field. */
  feedField: string;
}

/** The department feeds of DESIGN §6, in collection order. */
export const CREDIT_SOURCES: readonly CreditSource[] = [
  { dept: 'TAX', subgraph: 'tax', feedField: 'taxCreditFeed' },
  { dept: 'COURT', subgraph: 'court', feedField: 'courtCreditFeed' },
  { dept: 'AMR', subgraph: 'market', feedField: 'marketCreditFeed' },
  { dept: 'EDU', subgraph: 'education', feedField: 'educationCreditFeed' },
];
