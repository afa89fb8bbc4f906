import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import type { CreditFeedEntry } from '../credit-feed-store';
import type { Queryable } from '../db/database';
import type { DisclosureFeedEntry } from '../disclosure-feed-store';
import type { DecisionValues } from './decision-values';

/** A change of one decision the department's own tables must show. */
export interface DecisionChange {
  kind: DecisionKind;
  /** The decision's record id (for an ending kind: the ending decision's own id). */
  recordId: string;
  values: DecisionValues;
  /**
   * `record`: a new decision (an ending kind ends the one it names); `correct`: new content of a
   * recorded one; `revoke`: withdrawn as of `revokedAt`.
   */
  change: 'record' | 'correct' | 'revoke';
  /** For `revoke`: the date, ISO. */
  revokedAt?: string;
  /** Who writes it (the caller's `sub`). */
  writtenBy: string;
}

/** What the change publishes, written to the outboxes in the same transaction. */
export interface FeedVersions {
  credit: CreditFeedEntry[];
  disclosure: DisclosureFeedEntry[];
}

/**
 * How a department's own tables take its decisions (the department's store implements it, so
 * its SQL stays in its store): writes the change and returns the feed versions it publishes.
 * Throws a DecisionRefusal when the change cannot apply (an ended decision that does not exist).
 */
export interface DecisionProjection {
  apply(tx: Queryable, change: DecisionChange): Promise<FeedVersions>;
}
