import type { Database } from '../kit/db/database';
import { inBatches, insertJsonRows } from '../kit/db/in-batches';
import type { CreditFeedEntry, CreditFeedPage } from '../kit/credit-feed-store';
import { createCreditFeedStore } from '../kit/credit-feed-store';
import type { DisclosureFeedEntry, DisclosureFeedPage } from '../kit/disclosure-feed-store';
import { createDisclosureFeedStore } from '../kit/disclosure-feed-store';
import type { TaxArrearRecord, TaxLevelRecord, TaxRecords, TaxViolationRecord } from './records';
import { arrearFeedEntry } from './tax-feed-entries';

/** Rows per bulk insert statement. */

const feed = createCreditFeedStore('tax');
const disclosures = createDisclosureFeedStore('tax');

const LEVEL_COLUMNS = `id, person_id AS "personId", year, level,
  to_char(assessed_at, 'YYYY-MM-DD') AS "assessedAt", decision_no AS "decisionNo"`;

const ARREAR_COLUMNS = `id, person_id AS "personId", tax_type AS "taxType", amount::float8 AS amount,
  to_char(since, 'YYYY-MM-DD') AS since, status, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt",
  decision_no AS "decisionNo"`;

const VIOLATION_COLUMNS = `id, person_id AS "personId", kind,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  penalty_amount::float8 AS "penaltyAmount", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
  simple_procedure AS "simpleProcedure"`;

/** SQL of the tax subgraph (schema `tax`). */
export function createTaxStore(db: Database) {
  return {
    /** Each person's latest credit assessment (at most one row per person), in one statement. */
    findLatestLevels(personIds: readonly string[]): Promise<TaxLevelRecord[]> {
      return db.query<TaxLevelRecord>(
        `SELECT DISTINCT ON (person_id) ${LEVEL_COLUMNS} FROM tax.credit_levels
         WHERE person_id = ANY($1::text[]) ORDER BY person_id, year DESC`,
        [personIds],
      );
    },

    /** Arrears of `personIds`, newest first per person, in one statement. */
    findArrears(personIds: readonly string[]): Promise<TaxArrearRecord[]> {
      return db.query<TaxArrearRecord>(
        `SELECT ${ARREAR_COLUMNS} FROM tax.arrears WHERE person_id = ANY($1::text[])
         ORDER BY since DESC, id`,
        [personIds],
      );
    },

    /** Violation decisions of `personIds`, newest first per person, in one statement. */
    findViolations(personIds: readonly string[]): Promise<TaxViolationRecord[]> {
      return db.query<TaxViolationRecord>(
        `SELECT ${VIOLATION_COLUMNS} FROM tax.violations WHERE person_id = ANY($1::text[])
         ORDER BY decided_at DESC, id`,
        [personIds],
      );
    },

    /** A page of the credit feed (see createCreditFeedStore). */
    creditFeed(after: string | null | undefined, first: number): Promise<CreditFeedPage> {
      return feed.page(db, after, first);
    },

    /** A page of the disclosure feed (双公示 of tax penalties, see createDisclosureFeedStore). */
    disclosureFeed(after: string | null | undefined, first: number): Promise<DisclosureFeedPage> {
      return disclosures.page(db, after, first);
    },

    /**
     * Records payment of outstanding arrears and publishes the PERFORMED version to the credit
     * feed in the same transaction. Throws if `arrearId` is unknown or already paid.
     */
    recordArrearPaid(arrearId: string, paidAt: string): Promise<TaxArrearRecord> {
      return db.transaction(async (tx) => {
        const [arrear] = await tx.query<TaxArrearRecord>(
          `UPDATE tax.arrears SET status = 'PAID', paid_at = $2::date
           WHERE id = $1 AND status = 'OUTSTANDING' RETURNING ${ARREAR_COLUMNS}`,
          [arrearId, paidAt],
        );
        if (!arrear) throw new Error(`no outstanding arrears ${arrearId}`);
        await feed.append(tx, [arrearFeedEntry(arrear)]);
        return arrear;
      });
    },

    /**
     * Replaces all tax data with `records`, the credit feed with `feedEntries` and the disclosure
     * feed with `disclosureEntries` (recorded decisions and their ledger go too), in one
     * transaction and one statement per 2,000 rows. The feeds' change_seq keep counting up, so a
     * collector's cursor never points into the new feeds.
     */
    replaceAll(
      records: TaxRecords,
      feedEntries: readonly CreditFeedEntry[],
      disclosureEntries: readonly DisclosureFeedEntry[] = [],
    ): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.exec(
          `DELETE FROM tax.credit_levels; DELETE FROM tax.arrears; DELETE FROM tax.violations;
           DELETE FROM tax.credit_feed; DELETE FROM tax.disclosure_feed; DELETE FROM tax.decisions;
           DELETE FROM tax.decision_versions;`,
        );
        await insertJsonRows(
          tx,
          records.levels.map((l) => ({
            id: l.id,
            person_id: l.personId,
            year: l.year,
            level: l.level,
            assessed_at: l.assessedAt,
            decision_no: l.decisionNo,
          })),
          `INSERT INTO tax.credit_levels (id, person_id, year, level, assessed_at, decision_no)
           SELECT id, person_id, year, level, assessed_at, decision_no
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, year integer,
             level text, assessed_at date, decision_no text)`,
        );
        await insertJsonRows(
          tx,
          records.arrears.map((a) => ({
            id: a.id,
            person_id: a.personId,
            tax_type: a.taxType,
            amount: a.amount,
            since: a.since,
            status: a.status,
            paid_at: a.paidAt,
            decision_no: a.decisionNo,
          })),
          `INSERT INTO tax.arrears (id, person_id, tax_type, amount, since, status, paid_at,
             decision_no)
           SELECT id, person_id, tax_type, amount, since, status, paid_at, decision_no
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, tax_type text,
             amount numeric, since date, status text, paid_at date, decision_no text)`,
        );
        await insertJsonRows(
          tx,
          records.violations.map((v) => ({
            id: v.id,
            person_id: v.personId,
            kind: v.kind,
            decided_at: v.decidedAt,
            decision_no: v.decisionNo,
            description: v.description,
            penalty_amount: v.penaltyAmount,
            status: v.status,
            status_changed_at: v.statusChangedAt,
            simple_procedure: v.simpleProcedure,
          })),
          `INSERT INTO tax.violations (id, person_id, kind, decided_at, decision_no, description,
             penalty_amount, status, status_changed_at, simple_procedure)
           SELECT id, person_id, kind, decided_at, decision_no, description, penalty_amount,
             status, status_changed_at, simple_procedure
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text,
             decided_at date, decision_no text, description text, penalty_amount numeric,
             status text, status_changed_at date, simple_procedure boolean)`,
        );
        await inBatches(feedEntries, (batch) => feed.append(tx, batch));
        await inBatches(disclosureEntries, (batch) => disclosures.append(tx, batch));
      });
    },
  };
}

export type TaxStore = ReturnType<typeof createTaxStore>;
