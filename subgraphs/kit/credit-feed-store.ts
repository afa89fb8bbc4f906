import type { Queryable } from './db/database';
import { feedPage, feedPageQuery } from './feed-page';

/**
 * A version of a department credit record in the `<schema>.credit_feed` outbox. It carries no
 * text of the department's: the credit platform titles records with the catalog's names, and
 * amounts, facts and case numbers stay in the department's own fields.
 */
export interface CreditFeedEntry {
  sourceRecordId: string;
  personId: string;
  catalogCode: string;
  decidedAt: string;
  /** The decision document's number; null where the only number is a court case number. */
  decisionNo: string | null;
  status: 'ACTIVE' | 'PERFORMED' | 'REVOKED';
  statusChangedAt: string | null;
  /**
   * Opaque key shared by records of one case (court: one enforcement case), never a case number;
   * absent or null for a record that stands alone. The credit platform counts a case once.
   */
  caseKey?: string | null;
  /**
   * The key occupational group (DOCTOR, LAWYER, CIVIL_SERVANT, ...) whose licence or service the
   * record concerns; absent or null for a record about no licensed occupation.
   */
  keyGroup?: string | null;
}

/** One page of the feed, as the `CreditFeedPage` SDL type. */
export interface CreditFeedPage {
  entries: (CreditFeedEntry & { changeSeq: string })[];
  endCursor: string;
  hasMore: boolean;
}

export { MAX_FEED_PAGE } from './feed-page';

/**
 * The credit feed of a department: an outbox table `<schema>.credit_feed` written in the same
 * transaction as the department's own decision rows, read by the credit collector in
 * `change_seq` order. Each migration creates the table with the columns below.
 */
export function createCreditFeedStore(schema: string) {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return {
    /** Appends versions of records (new decisions or status changes) in one statement. */
    async append(db: Queryable, entries: readonly CreditFeedEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const rows = entries.map((e) => ({
        source_record_id: e.sourceRecordId,
        person_id: e.personId,
        catalog_code: e.catalogCode,
        decided_at: e.decidedAt,
        decision_no: e.decisionNo,
        status: e.status,
        status_changed_at: e.statusChangedAt,
        case_key: e.caseKey ?? null,
        key_group: e.keyGroup ?? null,
      }));
      await db.query(
        `INSERT INTO ${schema}.credit_feed (source_record_id, person_id, catalog_code,
           decided_at, decision_no, status, status_changed_at, case_key, key_group)
         SELECT source_record_id, person_id, catalog_code, decided_at, decision_no, status,
           status_changed_at, case_key, key_group
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (source_record_id text,
           person_id text, catalog_code text, decided_at date, decision_no text,
           status text, status_changed_at date, case_key text, key_group text)) WITH ORDINALITY AS
           x(source_record_id, person_id, catalog_code, decided_at, decision_no, status,
           status_changed_at, case_key, key_group, ordinality)
         ORDER BY ordinality`,
        [JSON.stringify(rows)],
      );
    },

    /** Entries after `after` (a change_seq, exclusive), oldest first. */
    async page(
      db: Queryable,
      after: string | null | undefined,
      first: number,
    ): Promise<CreditFeedPage> {
      const { cursor, limit } = feedPageQuery(after, first);
      const rows = await db.query<CreditFeedEntry & { changeSeq: string }>(
        `SELECT change_seq::text AS "changeSeq", source_record_id AS "sourceRecordId",
           person_id AS "personId", catalog_code AS "catalogCode",
           to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", status,
           to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt", case_key AS "caseKey",
           key_group AS "keyGroup"
         FROM ${schema}.credit_feed WHERE change_seq > $1::bigint
         ORDER BY change_seq LIMIT $2`,
        [cursor, limit],
      );
      return feedPage(rows, cursor, first);
    },
  };
}
