import type { Queryable } from './db/database';
import { feedPage, feedPageQuery } from './feed-page';
import type { LicenceStatus } from './licensing/licensing-records';

/** A version of a licence in the `<schema>.occupation_feed` outbox: occupation, status, dates. */
export interface OccupationFeedEntry {
  licenceId: string;
  personId: string;
  occupation: string;
  status: LicenceStatus;
  since: string;
  statusChangedAt: string | null;
}

/** One page of the feed, as the `OccupationFeedPage` SDL type. */
export interface OccupationFeedPage {
  entries: (OccupationFeedEntry & { changeSeq: string })[];
  endCursor: string;
  hasMore: boolean;
}

/**
 * The occupation feed of a department: an outbox table `<schema>.occupation_feed` (the kit's
 * migration) written in the same transaction as its licences, read by the credit platform's
 * occupation collector in `change_seq` order.
 */
export function createOccupationFeedStore(schema: string) {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return {
    /** Appends versions of licences (new, suspended, revoked, cancelled) in one statement. */
    async append(db: Queryable, entries: readonly OccupationFeedEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.query(
        `INSERT INTO ${schema}.occupation_feed (licence_id, person_id, occupation, status, since,
           status_changed_at)
         SELECT "licenceId", "personId", occupation, status, since, "statusChangedAt"
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS ("licenceId" text, "personId" text,
           occupation text, status text, since date, "statusChangedAt" date))
           WITH ORDINALITY AS x("licenceId", "personId", occupation, status, since,
           "statusChangedAt", ordinality)
         ORDER BY ordinality`,
        [JSON.stringify(entries)],
      );
    },

    /** Entries after `after` (a change_seq, exclusive), oldest first. */
    async page(
      db: Queryable,
      after: string | null | undefined,
      first: number,
    ): Promise<OccupationFeedPage> {
      const { cursor, limit } = feedPageQuery(after, first);
      const rows = await db.query<OccupationFeedEntry & { changeSeq: string }>(
        `SELECT change_seq::text AS "changeSeq", licence_id AS "licenceId",
           person_id AS "personId", occupation, status,
           to_char(since, 'YYYY-MM-DD') AS since,
           to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"
         FROM ${schema}.occupation_feed WHERE change_seq > $1::bigint
         ORDER BY change_seq LIMIT $2`,
        [cursor, limit],
      );
      return feedPage(rows, cursor, first);
    },
  };
}
