import type { Database } from '../kit/db/database';
import { inBatches, insertJsonRows } from '../kit/db/in-batches';
import type { CreditFeedEntry, CreditFeedPage } from '../kit/credit-feed-store';
import { createCreditFeedStore } from '../kit/credit-feed-store';
import { listingFeedEntry, restrictionFeedEntry } from './court-feed-entries';
import type {
  ConsumptionRestrictionRecord,
  CourtRecords,
  DishonestDebtorRecord,
  EnforcementCaseRecord,
} from './records';

/** Rows per bulk insert statement. */

const feed = createCreditFeedStore('court');

const CASE_COLUMNS = `case_no AS "caseNo", person_id AS "personId", court,
  to_char(filed_at, 'YYYY-MM-DD') AS "filedAt", amount::float8 AS amount, status,
  to_char(closed_at, 'YYYY-MM-DD') AS "closedAt"`;

const LISTING_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo",
  decision_no AS "decisionNo", court,
  to_char(listed_at, 'YYYY-MM-DD') AS "listedAt", status,
  to_char(delisted_at, 'YYYY-MM-DD') AS "delistedAt", obligation`;

const RESTRICTION_COLUMNS = `id, person_id AS "personId", case_no AS "caseNo",
  decision_no AS "decisionNo", court,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

/** What {@link CourtStore.recordDebtorPerformed} changed. */
export interface DebtorPerformed {
  listings: DishonestDebtorRecord[];
  restrictions: ConsumptionRestrictionRecord[];
}

/** SQL of the court subgraph (schema `court`). */
export function createCourtStore(db: Database) {
  return {
    /**
     * Each person's current listing, or else their most recent one (at most one row per
     * person), in one statement.
     */
    findListings(personIds: readonly string[]): Promise<DishonestDebtorRecord[]> {
      return db.query<DishonestDebtorRecord>(
        `SELECT DISTINCT ON (person_id) ${LISTING_COLUMNS} FROM court.dishonest_debtors
         WHERE person_id = ANY($1::text[])
         ORDER BY person_id, status = 'LISTED' DESC, listed_at DESC, id DESC`,
        [personIds],
      );
    },

    /** The persons among `personIds` under an active consumption restriction, in one statement. */
    async findRestrictedPersons(personIds: readonly string[]): Promise<string[]> {
      const rows = await db.query<{ personId: string }>(
        `SELECT DISTINCT person_id AS "personId" FROM court.consumption_restrictions
         WHERE person_id = ANY($1::text[]) AND status = 'ACTIVE'`,
        [personIds],
      );
      return rows.map((row) => row.personId);
    },

    /** Enforcement cases of `personIds`, newest first per person, in one statement. */
    findCases(personIds: readonly string[]): Promise<EnforcementCaseRecord[]> {
      return db.query<EnforcementCaseRecord>(
        `SELECT ${CASE_COLUMNS} FROM court.enforcement_cases WHERE person_id = ANY($1::text[])
         ORDER BY filed_at DESC, case_no`,
        [personIds],
      );
    },

    /** A page of the credit feed (see createCreditFeedStore). */
    creditFeed(after: string | null | undefined, first: number): Promise<CreditFeedPage> {
      return feed.page(db, after, first);
    },

    /**
     * Records that the debtor of `caseNo` performed the obligation on `performedAt`: the case is
     * concluded, its listings removed (PERFORMED) and its restrictions lifted, and the PERFORMED
     * versions are published to the credit feed, all in one transaction. Throws if the case has
     * nothing listed or restricted.
     */
    recordDebtorPerformed(caseNo: string, performedAt: string): Promise<DebtorPerformed> {
      return db.transaction(async (tx) => {
        const listings = await tx.query<DishonestDebtorRecord>(
          `UPDATE court.dishonest_debtors SET status = 'PERFORMED', delisted_at = $2::date
           WHERE case_no = $1 AND status = 'LISTED' RETURNING ${LISTING_COLUMNS}`,
          [caseNo, performedAt],
        );
        const restrictions = await tx.query<ConsumptionRestrictionRecord>(
          `UPDATE court.consumption_restrictions SET status = 'PERFORMED',
             status_changed_at = $2::date
           WHERE case_no = $1 AND status = 'ACTIVE' RETURNING ${RESTRICTION_COLUMNS}`,
          [caseNo, performedAt],
        );
        if (listings.length === 0 && restrictions.length === 0) {
          throw new Error(`case ${caseNo} has no active listing or restriction`);
        }
        await tx.query(
          `UPDATE court.enforcement_cases SET status = 'CONCLUDED', closed_at = $2::date
           WHERE case_no = $1 AND status <> 'CONCLUDED'`,
          [caseNo, performedAt],
        );
        await feed.append(tx, [
          ...listings.map(listingFeedEntry),
          ...restrictions.map(restrictionFeedEntry),
        ]);
        return { listings, restrictions };
      });
    },

    /**
     * Replaces all court data with `records` and the credit feed with `feedEntries`, in one
     * transaction and one statement per 2,000 rows. The feed's change_seq keeps counting up, so
     * a collector's cursor never points into the new feed.
     */
    replaceAll(records: CourtRecords, feedEntries: readonly CreditFeedEntry[]): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.exec(
          `DELETE FROM court.dishonest_debtors; DELETE FROM court.consumption_restrictions;
           DELETE FROM court.enforcement_cases; DELETE FROM court.credit_feed;
           DELETE FROM court.decisions; DELETE FROM court.decision_versions;`,
        );
        await insertJsonRows(
          tx,
          records.cases.map((c) => ({
            case_no: c.caseNo,
            person_id: c.personId,
            court: c.court,
            filed_at: c.filedAt,
            amount: c.amount,
            status: c.status,
            closed_at: c.closedAt,
          })),
          `INSERT INTO court.enforcement_cases (case_no, person_id, court, filed_at, amount,
             status, closed_at)
           SELECT case_no, person_id, court, filed_at, amount, status, closed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(case_no text, person_id text, court text,
             filed_at date, amount numeric, status text, closed_at date)`,
        );
        await insertJsonRows(
          tx,
          records.listings.map((l) => ({
            id: l.id,
            person_id: l.personId,
            case_no: l.caseNo,
            decision_no: l.decisionNo,
            court: l.court,
            listed_at: l.listedAt,
            status: l.status,
            delisted_at: l.delistedAt,
            obligation: l.obligation,
          })),
          `INSERT INTO court.dishonest_debtors (id, person_id, case_no, decision_no, court,
             listed_at, status, delisted_at, obligation)
           SELECT id, person_id, case_no, decision_no, court, listed_at, status, delisted_at,
             obligation
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, case_no text,
             decision_no text, court text, listed_at date, status text, delisted_at date,
             obligation text)`,
        );
        await insertJsonRows(
          tx,
          records.restrictions.map((r) => ({
            id: r.id,
            person_id: r.personId,
            case_no: r.caseNo,
            decision_no: r.decisionNo,
            court: r.court,
            decided_at: r.decidedAt,
            status: r.status,
            status_changed_at: r.statusChangedAt,
          })),
          `INSERT INTO court.consumption_restrictions (id, person_id, case_no, decision_no, court,
             decided_at, status, status_changed_at)
           SELECT id, person_id, case_no, decision_no, court, decided_at, status,
             status_changed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, case_no text,
             decision_no text, court text, decided_at date, status text,
             status_changed_at date)`,
        );
        await inBatches(feedEntries, (batch) => feed.append(tx, batch));
      });
    },
  };
}

export type CourtStore = ReturnType<typeof createCourtStore>;
