import type { SourceReport } from './collect-source';

/** One source's report of a collection pass, as the `FeedCollectionReport` SDL type. */
export interface FeedCollectionReport extends SourceReport {
  /**
   * Which feed: `credit` (credit records), `register` (household register), `disclosure` (双公示),
   * `occupation` (the licensing departments' licences and registrations).
   */
  feed: 'credit' | 'register' | 'disclosure' | 'occupation';
}
