import type { Queryable } from './db/database';
import { feedPage, feedPageQuery } from './feed-page';

/** A version of a licensing or penalty decision in the `<schema>.disclosure_feed` outbox. */
export interface DisclosureFeedEntry {
  sourceRecordId: string;
  kind: 'LICENSING' | 'PENALTY';
  personId: string;
  partyName: string;
  decisionNo: string;
  decidedAt: string;
  /** A code of the catalog's `disclosureItems`: the credit platform titles the decision with it. */
  disclosureItem: string;
  authority: string;
  validUntil: string | null;
  status: 'ACTIVE' | 'REVOKED';
  statusChangedAt: string | null;
  /**
   * The credit catalog item of a penalty (the department's own classification, e.g.
   * AMR_PENALTY_MINOR under the simple procedure); absent or null for a licence. The credit
   * platform publishes a penalty only for its item's publication period.
   */
  catalogCode?: string | null;
}

/** One page of the feed, as the `DisclosureFeedPage` SDL type. */
export interface DisclosureFeedPage {
  entries: (DisclosureFeedEntry & { changeSeq: string })[];
  endCursor: string;
  hasMore: boolean;
}

/**
 * The disclosure feed (双公示) of a department: an outbox table `<schema>.disclosure_feed` written
 * in the same transaction as the department's licensing and penalty decisions and read by the
 * credit platform's collector in `change_seq` order, exactly like the credit feed. DDL:
 *
 *   CREATE TABLE <schema>.disclosure_feed (change_seq bigserial PRIMARY KEY,
 *     source_record_id text NOT NULL, kind text NOT NULL CHECK (kind IN ('LICENSING', 'PENALTY')),
 *     person_id char(18) NOT NULL, party_name text NOT NULL, decision_no text NOT NULL,
 *     decided_at date NOT NULL, disclosure_item text NOT NULL, authority text NOT NULL,
 *     valid_until date,
 *     status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')), status_changed_at date,
 *     catalog_code text);
 */
export function createDisclosureFeedStore(schema: string) {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return {
    /** Appends versions of decisions, in order, in one statement. */
    async append(db: Queryable, entries: readonly DisclosureFeedEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.query(
        `INSERT INTO ${schema}.disclosure_feed (source_record_id, kind, person_id, party_name,
           decision_no, decided_at, disclosure_item, authority, valid_until, status,
           status_changed_at,
           catalog_code)
         SELECT "sourceRecordId", kind, "personId", "partyName", "decisionNo", "decidedAt",
           "disclosureItem",
           authority, "validUntil", status, "statusChangedAt", "catalogCode"
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS ("sourceRecordId" text, kind text,
           "personId" text, "partyName" text, "decisionNo" text, "decidedAt" date,
           "disclosureItem" text,
           authority text, "validUntil" date, status text, "statusChangedAt" date,
           "catalogCode" text))
           WITH ORDINALITY AS x("sourceRecordId", kind, "personId", "partyName", "decisionNo",
           "decidedAt", "disclosureItem", authority, "validUntil", status, "statusChangedAt",
           "catalogCode",
           ordinality)
         ORDER BY ordinality`,
        [JSON.stringify(entries)],
      );
    },

    /** Entries after `after` (a change_seq, exclusive), oldest first. */
    async page(
      db: Queryable,
      after: string | null | undefined,
      first: number,
    ): Promise<DisclosureFeedPage> {
      const { cursor, limit } = feedPageQuery(after, first);
      const rows = await db.query<DisclosureFeedEntry & { changeSeq: string }>(
        `SELECT change_seq::text AS "changeSeq", source_record_id AS "sourceRecordId", kind,
           person_id AS "personId", party_name AS "partyName", decision_no AS "decisionNo",
           to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt",
           disclosure_item AS "disclosureItem", authority,
           to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", status,
           to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
           catalog_code AS "catalogCode"
         FROM ${schema}.disclosure_feed WHERE change_seq > $1::bigint
         ORDER BY change_seq LIMIT $2`,
        [cursor, limit],
      );
      return feedPage(rows, cursor, first);
    },
  };
}
