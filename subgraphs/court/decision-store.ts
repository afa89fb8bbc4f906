import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import { listingFeedEntry, restrictionFeedEntry } from './court-feed-entries';
import type { ConsumptionRestrictionRecord, DishonestDebtorRecord } from './records';

/** The court's name on a decision that names none. */
const COURT_NAME = '通江县人民法院';

const LISTING_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo", court,
  to_char(listed_at, 'YYYY-MM-DD') AS "listedAt", status,
  to_char(delisted_at, 'YYYY-MM-DD') AS "delistedAt", obligation`;

const RESTRICTION_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo", court,
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
  if (!found) throw refuse('caseNo', `no enforcement case ${v.caseNo}`);
  if (found.personId !== v.personId) throw refuse('caseNo', 'a case of another person');
}

/** The record id of the decision `decisionNo` of `kind` this court recorded, for its person. */
async function recordedId(
  tx: Queryable,
  kind: string,
  decisionNo: string | null,
  personId: string | null,
  field: string,
): Promise<string> {
  const [found] = await tx.query<{ recordId: string }>(
    `SELECT record_id AS "recordId" FROM court.decisions
     WHERE kind = $1 AND decision_no = $2 AND subject = $3 AND status = 'ACTIVE'`,
    [kind, decisionNo, personId],
  );
  if (!found) throw refuse(field, `no ${kind} decision ${decisionNo} of this person is recorded`);
  return found.recordId;
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
          `INSERT INTO court.dishonest_debtors (id, person_id, case_no, court, listed_at, status,
             obligation)
           VALUES ($1, $2, $3, $4, $5::date, 'LISTED', $6)
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
             case_no = EXCLUDED.case_no, court = EXCLUDED.court, listed_at = EXCLUDED.listed_at,
             obligation = EXCLUDED.obligation
           RETURNING ${LISTING_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.caseNo,
            v.authority ?? COURT_NAME,
            v.listedAt,
            v.obligation,
          ],
        );
  return { credit: listing ? [listingFeedEntry(listing)] : [], disclosure: [] };
}

async function applyListingEnd(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const id = await recordedId(
    tx,
    'dishonest-debtors',
    v.listingDecisionNo,
    v.personId,
    'listingDecisionNo',
  );
  const [listing] = await tx.query<DishonestDebtorRecord>(
    `UPDATE court.dishonest_debtors SET status = $2, delisted_at = $3::date
     WHERE id = $1 AND listed_at <= $3::date RETURNING ${LISTING_COLUMNS}`,
    [id, v.endReason, v.endedAt],
  );
  if (!listing) throw refuse('endedAt', 'before the listing');
  return { credit: [listingFeedEntry(listing)], disclosure: [] };
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
          `INSERT INTO court.consumption_restrictions (id, person_id, case_no, court, decided_at,
             status)
           VALUES ($1, $2, $3, $4, $5::date, 'ACTIVE')
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
             case_no = EXCLUDED.case_no, court = EXCLUDED.court, decided_at = EXCLUDED.decided_at
           RETURNING ${RESTRICTION_COLUMNS}`,
          [change.recordId, v.personId, v.caseNo, v.authority ?? COURT_NAME, v.decidedAt],
        );
  return { credit: restriction ? [restrictionFeedEntry(restriction)] : [], disclosure: [] };
}

async function applyLifting(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const id = await recordedId(
    tx,
    'consumption-restrictions',
    v.restrictionDecisionNo,
    v.personId,
    'restrictionDecisionNo',
  );
  const [restriction] = await tx.query<ConsumptionRestrictionRecord>(
    `UPDATE court.consumption_restrictions SET status = $2, status_changed_at = $3::date
     WHERE id = $1 AND decided_at <= $3::date RETURNING ${RESTRICTION_COLUMNS}`,
    [id, v.endReason, v.liftedAt],
  );
  if (!restriction) throw refuse('liftedAt', 'before the restriction');
  return { credit: [restrictionFeedEntry(restriction)], disclosure: [] };
}

/**
 * How the court's tables take its recorded decisions. A listing or restriction hangs off its
 * enforcement case, which must be the person's; an ending names a listing or restriction
 * recorded through the write API by its decision number (seeded ones carry none).
 */
export const courtDecisionProjection: DecisionProjection = {
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
