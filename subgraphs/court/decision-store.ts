import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { DecisionValues } from '../kit/decisions/decision-values';
import { listingFeedEntry, restrictionFeedEntry } from './court-feed-entries';
import type { ConsumptionRestrictionRecord, DishonestDebtorRecord } from './records';

/** The court's name on a decision that names none. */
const COURT_NAME = '通江县人民法院';

const LISTING_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo",
  decision_no AS "decisionNo", court,
  to_char(listed_at, 'YYYY-MM-DD') AS "listedAt", status,
  to_char(delisted_at, 'YYYY-MM-DD') AS "delistedAt", obligation`;

const RESTRICTION_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo",
  decision_no AS "decisionNo", court,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

/** The enforcement case must be the court's and the person's (listings hang off it). */
async function checkCase(tx: Queryable, change: DecisionChange): Promise<void> {
  const v = change.values;
  const [found] = await tx.query<{ personId: string }>(
    `SELECT person_id AS "personId" FROM court.enforcement_cases WHERE case_no = $1`,
    [v.caseNo],
  );
  if (!found) throw refuse('caseNo', 'no enforcement case with this number');
  if (found.personId !== v.personId) throw refuse('caseNo', 'a case of another person');
}

async function applyListing(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change !== 'revoke') await checkCase(tx, change);
  const [listing] =
    change.change === 'revoke'
      ? await tx.query<DishonestDebtorRecord>(
          `UPDATE court.dishonest_debtors SET status = 'REVOKED', delisted_at = $2::date
           WHERE id = $1 RETURNING ${LISTING_COLUMNS}`,
          [change.recordId, change.revokedAt],
        )
      : await tx.query<DishonestDebtorRecord>(
          `INSERT INTO court.dishonest_debtors (id, person_id, case_no, decision_no, court,
             listed_at, status, obligation)
           VALUES ($1, $2, $3, $4, $5, $6::date, 'LISTED', $7)
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
             case_no = EXCLUDED.case_no, decision_no = EXCLUDED.decision_no,
             court = EXCLUDED.court, listed_at = EXCLUDED.listed_at,
             obligation = EXCLUDED.obligation
           RETURNING ${LISTING_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.caseNo,
            v.decisionNo,
            v.authority ?? COURT_NAME,
            v.listedAt,
            v.obligation,
          ],
        );
  return { credit: listing ? [listingFeedEntry(listing)] : [], disclosure: [] };
}

/**
 * An end (屏蔽) ends the listing it names by decision number (recorded here or seeded alike),
 * which must be this person's and still listed: a listing is ended once. `reopen`: the end no
 * longer holds, so the person is listed again.
 */
async function applyListingEnd(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'reopen') {
    const [reopened] = await tx.query<DishonestDebtorRecord>(
      `UPDATE court.dishonest_debtors SET status = 'LISTED', delisted_at = NULL
       WHERE decision_no = $1 AND person_id = $2 AND status = $3 AND delisted_at = $4::date
       RETURNING ${LISTING_COLUMNS}`,
      [v.listingDecisionNo, v.personId, v.endReason, v.endedAt],
    );
    return { credit: reopened ? [listingFeedEntry(reopened)] : [], disclosure: [] };
  }
  const [listing] = await tx.query<DishonestDebtorRecord>(
    `SELECT ${LISTING_COLUMNS} FROM court.dishonest_debtors
     WHERE decision_no = $1 AND person_id = $2 ORDER BY id LIMIT 1 FOR UPDATE`,
    [v.listingDecisionNo, v.personId],
  );
  if (!listing) {
    throw refuse('listingDecisionNo', 'no listing of this person with this number');
  }
  if (listing.status !== 'LISTED') {
    throw refuse('listingDecisionNo', `this listing is already ended (${listing.status})`);
  }
  if ((v.endedAt ?? '') < listing.listedAt) throw refuse('endedAt', 'before the listing');
  const [ended] = await tx.query<DishonestDebtorRecord>(
    `UPDATE court.dishonest_debtors SET status = $2, delisted_at = $3::date WHERE id = $1
     RETURNING ${LISTING_COLUMNS}`,
    [listing.id, v.endReason, v.endedAt],
  );
  return { credit: [listingFeedEntry(ended)], disclosure: [] };
}

async function applyRestriction(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change !== 'revoke') await checkCase(tx, change);
  const [restriction] =
    change.change === 'revoke'
      ? await tx.query<ConsumptionRestrictionRecord>(
          `UPDATE court.consumption_restrictions SET status = 'REVOKED',
             status_changed_at = $2::date
           WHERE id = $1 RETURNING ${RESTRICTION_COLUMNS}`,
          [change.recordId, change.revokedAt],
        )
      : await tx.query<ConsumptionRestrictionRecord>(
          `INSERT INTO court.consumption_restrictions (id, person_id, case_no, decision_no, court,
             decided_at, status)
           VALUES ($1, $2, $3, $4, $5, $6::date, 'ACTIVE')
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
             case_no = EXCLUDED.case_no, decision_no = EXCLUDED.decision_no,
             court = EXCLUDED.court, decided_at = EXCLUDED.decided_at
           RETURNING ${RESTRICTION_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.caseNo,
            v.decisionNo,
            v.authority ?? COURT_NAME,
            v.decidedAt,
          ],
        );
  return { credit: restriction ? [restrictionFeedEntry(restriction)] : [], disclosure: [] };
}

/**
 * A lifting (解除) ends the restriction it names by decision number (recorded here or seeded
 * alike), once. `reopen`: the lifting no longer holds, so the restriction is in force again.
 */
async function applyLifting(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'reopen') {
    const [reopened] = await tx.query<ConsumptionRestrictionRecord>(
      `UPDATE court.consumption_restrictions SET status = 'ACTIVE', status_changed_at = NULL
       WHERE decision_no = $1 AND person_id = $2 AND status = $3
         AND status_changed_at = $4::date
       RETURNING ${RESTRICTION_COLUMNS}`,
      [v.restrictionDecisionNo, v.personId, v.endReason, v.liftedAt],
    );
    return { credit: reopened ? [restrictionFeedEntry(reopened)] : [], disclosure: [] };
  }
  const [restriction] = await tx.query<ConsumptionRestrictionRecord>(
    `SELECT ${RESTRICTION_COLUMNS} FROM court.consumption_restrictions
     WHERE decision_no = $1 AND person_id = $2 ORDER BY id LIMIT 1 FOR UPDATE`,
    [v.restrictionDecisionNo, v.personId],
  );
  if (!restriction) {
    throw refuse('restrictionDecisionNo', 'no restriction of this person with this number');
  }
  if (restriction.status !== 'ACTIVE') {
    throw refuse(
      'restrictionDecisionNo',
      `this restriction is already ended (${restriction.status})`,
    );
  }
  if ((v.liftedAt ?? '') < restriction.decidedAt) {
    throw refuse('liftedAt', 'before the restriction');
  }
  const [lifted] = await tx.query<ConsumptionRestrictionRecord>(
    `UPDATE court.consumption_restrictions SET status = $2, status_changed_at = $3::date
     WHERE id = $1 RETURNING ${RESTRICTION_COLUMNS}`,
    [restriction.id, v.endReason, v.liftedAt],
  );
  return { credit: [restrictionFeedEntry(lifted)], disclosure: [] };
}

/** A seeded listing or restriction numbered `decisionNo`, as the ledger would keep it. */
async function unrecorded(
  q: Queryable,
  kind: string,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  if (kind === 'dishonest-debtors') {
    const [listing] = await q.query<DishonestDebtorRecord>(
      `SELECT ${LISTING_COLUMNS} FROM court.dishonest_debtors WHERE decision_no = $1
       ORDER BY id LIMIT 1`,
      [decisionNo],
    );
    if (!listing) return null;
    return {
      recordId: listing.id,
      values: {
        personId: listing.personId,
        decisionNo,
        caseNo: listing.caseNo,
        listedAt: listing.listedAt,
        obligation: listing.obligation,
        authority: given && given.authority === null ? null : listing.court,
      },
    };
  }
  if (kind === 'consumption-restrictions') {
    const [restriction] = await q.query<ConsumptionRestrictionRecord>(
      `SELECT ${RESTRICTION_COLUMNS} FROM court.consumption_restrictions WHERE decision_no = $1
       ORDER BY id LIMIT 1`,
      [decisionNo],
    );
    if (!restriction) return null;
    return {
      recordId: restriction.id,
      values: {
        personId: restriction.personId,
        decisionNo,
        caseNo: restriction.caseNo,
        decidedAt: restriction.decidedAt,
        authority: given && given.authority === null ? null : restriction.court,
      },
    };
  }
  return null;
}

/**
 * How the court's tables take its recorded decisions. A listing or restriction hangs off its
 * enforcement case, which must be the person's; an ending names a listing or restriction by its
 * decision number, recorded through the write API or seeded.
 */
export const courtDecisionProjection: DecisionProjection = {
  reopen(tx, change) {
    return courtDecisionProjection.apply(tx, { ...change, change: 'reopen' });
  },
  findUnrecorded(q, kind, decisionNo, given) {
    return unrecorded(q, kind.kind, decisionNo, given);
  },
  apply(tx, change) {
    switch (change.kind.kind) {
      case 'dishonest-debtors':
        return applyListing(tx, change);
      case 'dishonest-debtor-ends':
        return applyListingEnd(tx, change);
      case 'consumption-restrictions':
        return applyRestriction(tx, change);
      case 'consumption-restriction-liftings':
        return applyLifting(tx, change);
      default:
        throw new Error(`court has no decision kind ${change.kind.kind}`);
    }
  },
};
