import type { CreditSource } from '../collector/credit-sources';

/**
 * The departments' disclosure feeds (双公示) the credit platform collects: the licensing and penalty
 * decisions of the market regulation bureau and the tax bureau's penalty decisions. A department adds its own by publishing a
 * `<name>DisclosureFeed` (`# @include disclosure-feed`) and a line here.
 */
export const DISCLOSURE_SOURCES: readonly CreditSource[] = [
  { dept: 'AMR', subgraph: 'market', feedField: 'marketDisclosureFeed' },
  { dept: 'TAX', subgraph: 'tax', feedField: 'taxDisclosureFeed' },
];
