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
   * `record`: a new decision (an ending kind ends the one it names, which must be open: a
   * decision is ended once); `correct`: new content of a recorded one (never an ending: its
   * correction is a `reopen` of the old values and a `record` of the new); `revoke`: withdrawn as
   * of `revokedAt`; `reopen` (ending kinds, through DecisionProjection.reopen): the ending with
   * these values no longer holds.
   */
  change: 'record' | 'correct' | 'revoke' | 'reopen';
  /** For `correct`: the values it had until now (e.g. to settle the person it named before). */
  previous?: DecisionValues;
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
  /**
   * Undoes an ending: the ending `change` describes (its values as recorded) no longer holds, so
   * the decision it ended is open again (nothing to do if that one is no longer ended by it).
   * Called when an ending is corrected (then the corrected ending is applied as a new one) or
   * revoked. A department whose projection lacks it has its endings refused correction and
   * revocation (fail closed: the ended decision would otherwise stay ended).
   */
  reopen?(tx: Queryable, change: DecisionChange): Promise<FeedVersions>;
  /**
   * The decision of `kind` numbered `decisionNo` the tables hold although the ledger does not
   * (seeded before any write): its record id and its values as the ledger would keep them, the
   * fields the tables do not keep taken from `given` (null when there is nothing given). Null if
   * the tables hold none. A department without seeded decisions of a kind returns null.
   */
  findUnrecorded?(
    q: Queryable,
    kind: DecisionKind,
    decisionNo: string,
    given: DecisionValues | null,
  ): Promise<{ recordId: string; values: DecisionValues } | null>;
  /**
   * Optional, for a batch import: which of `decisionNos` the tables hold although the ledger does
   * not (the decisions `findUnrecorded` would find), in one statement; null when the kind has no
   * such form (the batch then asks `findUnrecorded` row by row).
   */
  seededNumbers?(
    q: Queryable,
    kind: DecisionKind,
    decisionNos: readonly string[],
  ): Promise<ReadonlySet<string> | null>;
  /**
   * Optional, for a batch import: records new decisions (`change: 'record'`, all of one kind) in
   * a few statements, returning each one's versions in order, exactly as `apply` on each would;
   * null when the kind has no batched form (the batch then applies them one by one). Throws as
   * `apply` does; the batch then retries the rows one at a time to find the row at fault.
   */
  recordMany?(tx: Queryable, changes: readonly DecisionChange[]): Promise<FeedVersions[] | null>;
}
