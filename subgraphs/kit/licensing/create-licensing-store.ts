import type { CreditFeedEntry, CreditFeedPage } from '../credit-feed-store';
import { createCreditFeedStore } from '../credit-feed-store';
import type { Database } from '../db/database';
import { createDisclosureFeedStore } from '../disclosure-feed-store';
import type { DisclosureFeedEntry, DisclosureFeedPage } from '../disclosure-feed-store';
import { inBatches, insertJsonRows } from '../db/in-batches';
import type { OccupationFeedPage } from '../occupation-feed-store';
import { createOccupationFeedStore } from '../occupation-feed-store';
import type { LicenceRecord, LicensingRecords, SanctionRecord } from './licensing-records';
import { occupationFeedEntry } from './occupation-feed-entry';

const LICENCE_COLUMNS = `id, person_id AS "personId", occupation, certificate_no AS "certificateNo",
  organisation, to_char(issued_at, 'YYYY-MM-DD') AS "issuedAt", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

const SANCTION_COLUMNS = `id, person_id AS "personId", kind, licence_id AS "licenceId",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  amount::float8 AS amount, status, to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

/**
 * SQL of a licensing department over its own schema's `licences` and `sanctions` (the tables its
 * migrations create with the columns above) and the kit's credit and occupation feeds.
 */
export function createLicensingStore(db: Database, schema: string) {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const feed = createCreditFeedStore(schema);
  const occupations = createOccupationFeedStore(schema);
  const disclosures = createDisclosureFeedStore(schema);
  return {
    /** Licences of `personIds`, newest first, in one statement. */
    findLicences(personIds: readonly string[]): Promise<LicenceRecord[]> {
      return db.query<LicenceRecord>(
        `SELECT ${LICENCE_COLUMNS} FROM ${schema}.licences WHERE person_id = ANY($1::text[])
         ORDER BY issued_at DESC, id`,
        [personIds],
      );
    },

    /** Sanctions of `personIds`, newest first, in one statement. */
    findSanctions(personIds: readonly string[]): Promise<SanctionRecord[]> {
      return db.query<SanctionRecord>(
        `SELECT ${SANCTION_COLUMNS} FROM ${schema}.sanctions WHERE person_id = ANY($1::text[])
         ORDER BY decided_at DESC, id`,
        [personIds],
      );
    },

    /** A page of the credit feed (see createCreditFeedStore). */
    creditFeed(after: string | null | undefined, first: number): Promise<CreditFeedPage> {
      return feed.page(db, after, first);
    },

    /** A page of the disclosure feed (双公示, see createDisclosureFeedStore). */
    disclosureFeed(after: string | null | undefined, first: number): Promise<DisclosureFeedPage> {
      return disclosures.page(db, after, first);
    },

    /** A page of the occupation feed (see createOccupationFeedStore). */
    occupationFeed(after: string | null | undefined, first: number): Promise<OccupationFeedPage> {
      return occupations.page(db, after, first);
    },

    /**
     * Replaces all licences and sanctions with `records`, the credit feed with `feedEntries` and
     * the disclosure feed with `disclosureEntries`, in one transaction, and forgets the decisions
     * recorded through the write API (their rows are gone). The feeds' change_seq keeps counting
     * up, so a collector's cursor never points into the new feed.
     */
    replaceAll(
      records: LicensingRecords,
      feedEntries: readonly CreditFeedEntry[],
      disclosureEntries: readonly DisclosureFeedEntry[],
    ): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.exec(
          `DELETE FROM ${schema}.sanctions; DELETE FROM ${schema}.licences;
           DELETE FROM ${schema}.credit_feed; DELETE FROM ${schema}.occupation_feed;
           DELETE FROM ${schema}.disclosure_feed; DELETE FROM ${schema}.decision_versions;
           DELETE FROM ${schema}.decisions;`,
        );
        await insertJsonRows(
          tx,
          records.licences.map((l) => ({
            id: l.id,
            person_id: l.personId,
            occupation: l.occupation,
            certificate_no: l.certificateNo,
            organisation: l.organisation,
            issued_at: l.issuedAt,
            status: l.status,
            status_changed_at: l.statusChangedAt,
          })),
          `INSERT INTO ${schema}.licences (id, person_id, occupation, certificate_no, organisation,
             issued_at, status, status_changed_at)
           SELECT id, person_id, occupation, certificate_no, organisation, issued_at, status,
             status_changed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, occupation text,
             certificate_no text, organisation text, issued_at date, status text,
             status_changed_at date)`,
        );
        await insertJsonRows(
          tx,
          records.sanctions.map((s) => ({
            id: s.id,
            person_id: s.personId,
            kind: s.kind,
            licence_id: s.licenceId,
            decided_at: s.decidedAt,
            decision_no: s.decisionNo,
            description: s.description,
            amount: s.amount,
            status: s.status,
            status_changed_at: s.statusChangedAt,
          })),
          `INSERT INTO ${schema}.sanctions (id, person_id, kind, licence_id, decided_at,
             decision_no, description, amount, status, status_changed_at)
           SELECT id, person_id, kind, licence_id, decided_at, decision_no, description, amount,
             status, status_changed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text,
             licence_id text, decided_at date, decision_no text, description text,
             amount numeric, status text, status_changed_at date)`,
        );
        await inBatches(feedEntries, (batch) => feed.append(tx, batch));
        await inBatches(disclosureEntries, (batch) => disclosures.append(tx, batch));
        // Each licence as it stands: the occupations view needs no history of its own.
        await inBatches(records.licences.map(occupationFeedEntry), (batch) =>
          occupations.append(tx, batch),
        );
      });
    },
  };
}

/** The SQL of one licensing department. */
export type LicensingStore = ReturnType<typeof createLicensingStore>;
