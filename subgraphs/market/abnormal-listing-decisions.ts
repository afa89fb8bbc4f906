import type { Queryable } from '../kit/db/database';
import type { DecisionChange, FeedVersions } from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { DecisionValues } from '../kit/decisions/decision-values';
import { abnormalListingFeedEntry } from './market-feed-entries';
import type { AbnormalListingRecord } from './records';

const LISTING_COLUMNS = `id, uscc, decision_no AS "decisionNo",
  to_char(listed_at, 'YYYY-MM-DD') AS "listedAt", reason, status,
  to_char(removed_at, 'YYYY-MM-DD') AS "removedAt"`;

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

/** The enterprise's legal representative in the register (null: none registered). */
async function legalRepOf(tx: Queryable, uscc: string): Promise<string | null> {
  const [row] = await tx.query<{ legalRepId: string | null }>(
    `SELECT legal_rep_id AS "legalRepId" FROM market.enterprises WHERE uscc = $1`,
    [uscc],
  );
  return row?.legalRepId ?? null;
}

/** A legal representative the decision names must be the one the register holds. */
async function checkLegalRep(tx: Queryable, v: DecisionValues): Promise<void> {
  if (v.legalRepId && v.legalRepId !== (await legalRepOf(tx, v.uscc ?? ''))) {
    throw refuse('legalRepId', 'not the legal representative the register holds for uscc');
  }
}

/**
 * The enterprise's status follows its listings in force: on the abnormal-operation list from the
 * earliest, under the latest one's decision number, and back in operation when none is left. An
 * enterprise on the serious-illegal list, revoked or deregistered keeps its status.
 */
async function summarise(tx: Queryable, uscc: string): Promise<void> {
  await tx.query(
    `UPDATE market.enterprises e SET
       status = CASE WHEN l.since IS NULL THEN 'ACTIVE' ELSE 'ABNORMAL_OPERATION' END,
       abnormal_since = l.since, listing_decision_no = l.latest
     FROM (SELECT min(listed_at) AS since,
             (array_agg(decision_no ORDER BY listed_at DESC, id DESC))[1] AS latest
           FROM market.abnormal_listings WHERE uscc = $1 AND status = 'LISTED') l
     WHERE e.uscc = $1 AND e.status IN ('ACTIVE', 'ABNORMAL_OPERATION')`,
    [uscc],
  );
}

/** The feed versions of `listings` (each for its enterprise's legal representative, if any). */
async function versions(
  tx: Queryable,
  listings: readonly (AbnormalListingRecord & { representedBy?: string | null })[],
): Promise<FeedVersions> {
  const credit = [];
  for (const listing of listings) {
    const rep =
      listing.representedBy === undefined
        ? await legalRepOf(tx, listing.uscc)
        : listing.representedBy;
    if (rep) credit.push(abnormalListingFeedEntry(listing, rep));
  }
  return { credit, disclosure: [] };
}

/**
 * A listing decision (列入经营异常名录): recorded or corrected as its own row (an enterprise may
 * be listed again after a removal, or for a second reason at once), or revoked (withdrawn in
 * error). A correction that moves it to another enterprise withdraws it from the first one's
 * legal representative.
 */
export async function applyAbnormalListing(
  tx: Queryable,
  change: DecisionChange,
): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'revoke') {
    const [revoked] = await tx.query<AbnormalListingRecord>(
      `UPDATE market.abnormal_listings SET status = 'REVOKED', removed_at = $2::date
       WHERE id = $1 RETURNING ${LISTING_COLUMNS}`,
      [change.recordId, change.revokedAt],
    );
    if (!revoked) return { credit: [], disclosure: [] };
    await summarise(tx, revoked.uscc);
    return versions(tx, [revoked]);
  }
  const [enterprise] = await tx.query<{ uscc: string }>(
    `SELECT uscc FROM market.enterprises
     WHERE uscc = $1 AND status IN ('ACTIVE', 'ABNORMAL_OPERATION') FOR UPDATE`,
    [v.uscc],
  );
  if (!enterprise) throw refuse('uscc', 'no registered enterprise in operation with this code');
  await checkLegalRep(tx, v);
  const [before] = await tx.query<AbnormalListingRecord>(
    `SELECT ${LISTING_COLUMNS} FROM market.abnormal_listings WHERE id = $1 FOR UPDATE`,
    [change.recordId],
  );
  const [listing] = await tx.query<AbnormalListingRecord>(
    `INSERT INTO market.abnormal_listings (id, uscc, decision_no, listed_at, reason, status)
     VALUES ($1, $2, $3, $4::date, $5, 'LISTED')
     ON CONFLICT (id) DO UPDATE SET uscc = EXCLUDED.uscc, decision_no = EXCLUDED.decision_no,
       listed_at = EXCLUDED.listed_at, reason = EXCLUDED.reason
     RETURNING ${LISTING_COLUMNS}`,
    [change.recordId, v.uscc, v.decisionNo, v.listedAt, v.reason],
  );
  await summarise(tx, listing.uscc);
  const published: (AbnormalListingRecord & { representedBy?: string | null })[] = [];
  if (before && before.uscc !== listing.uscc) {
    await summarise(tx, before.uscc);
    const formerRep = await legalRepOf(tx, before.uscc);
    if (formerRep !== (await legalRepOf(tx, listing.uscc))) {
      published.push({ ...before, status: 'REVOKED', removedAt: null, representedBy: formerRep });
    }
  }
  published.push(listing);
  return versions(tx, published);
}

/**
 * A removal (移出经营异常名录) ends the listing it names by decision number, which must be this
 * enterprise's and still in force (a listing is removed once). `reopen`: the removal no longer
 * holds, so the listing is in force again.
 */
export async function applyAbnormalRemoval(
  tx: Queryable,
  change: DecisionChange,
): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'reopen') {
    const [reopened] = await tx.query<AbnormalListingRecord>(
      `UPDATE market.abnormal_listings SET status = 'LISTED', removed_at = NULL
       WHERE decision_no = $1 AND uscc = $2 AND status = 'REMOVED' AND removed_at = $3::date
       RETURNING ${LISTING_COLUMNS}`,
      [v.listingDecisionNo, v.uscc, v.removedAt],
    );
    if (!reopened) return { credit: [], disclosure: [] };
    await summarise(tx, reopened.uscc);
    return versions(tx, [reopened]);
  }
  await checkLegalRep(tx, v);
  const [listing] = await tx.query<AbnormalListingRecord>(
    `SELECT ${LISTING_COLUMNS} FROM market.abnormal_listings
     WHERE decision_no = $1 AND uscc = $2 ORDER BY id LIMIT 1 FOR UPDATE`,
    [v.listingDecisionNo, v.uscc],
  );
  if (!listing) {
    throw refuse('listingDecisionNo', 'no listing of this enterprise with this number');
  }
  if (listing.status !== 'LISTED') {
    throw refuse('listingDecisionNo', `this listing is already ${listing.status.toLowerCase()}`);
  }
  if ((v.removedAt ?? '') < listing.listedAt) throw refuse('removedAt', 'before the listing');
  const [removed] = await tx.query<AbnormalListingRecord>(
    `UPDATE market.abnormal_listings SET status = 'REMOVED', removed_at = $2::date WHERE id = $1
     RETURNING ${LISTING_COLUMNS}`,
    [listing.id, v.removedAt],
  );
  await summarise(tx, removed.uscc);
  return versions(tx, [removed]);
}

/** A seeded listing numbered `decisionNo`, as the ledger would keep it. */
export async function unrecordedAbnormalListing(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [listing] = await q.query<AbnormalListingRecord>(
    `SELECT ${LISTING_COLUMNS} FROM market.abnormal_listings WHERE decision_no = $1
     ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!listing) return null;
  return {
    recordId: listing.id,
    values: {
      uscc: listing.uscc,
      decisionNo,
      listedAt: listing.listedAt,
      reason: listing.reason,
      authority: given?.authority ?? null,
      legalRepId: given?.legalRepId ?? null,
    },
  };
}
