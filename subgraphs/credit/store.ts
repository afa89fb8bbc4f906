import type { CreditFeedEntry } from '../kit/credit-feed-store';
import type { Database } from '../kit/db/database';
import type { CreditRecordData } from './rules/types';

/** A feed entry as the collector stores it. */
export type CollectedEntry = CreditFeedEntry & { changeSeq: string };

/** The collection state of one source (`credit.collection_state`). */
export interface SourceState {
  source: string;
  cursor: string | null;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
}

/** One committed page of a source's feed (a credit feed unless `E` says otherwise). */
export interface CollectedPage<E = CollectedEntry> {
  source: string;
  entries: readonly E[];
  /** The feed's endCursor after this page. */
  cursor: string;
  /** When this pass of the source began. */
  attemptAt: Date;
  /** Set on the last page of a pass: the source is fully collected as of then. */
  successAt: Date | null;
}

const RECORD_COLUMNS = `id, person_id AS "personId", source_dept AS "sourceDept",
  source_record_id AS "sourceRecordId", catalog_code AS "catalogCode",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

/** SQL of the credit platform (schema `credit`). */
export function createCreditStore(db: Database) {
  return {
    /** Every stored record of the persons `ids` (display is decided by the rules), one statement. */
    findRecords(personIds: readonly string[]): Promise<CreditRecordData[]> {
      // Good conduct: the platform's own records (credit.good_conduct, same
      // columns) are read in the same statement, so they count like collected records.
      return db.query<CreditRecordData>(
        `SELECT ${RECORD_COLUMNS}, case_key AS "caseKey", key_group AS "keyGroup"
         FROM credit.records WHERE person_id = ANY($1::text[])
         UNION ALL
         SELECT ${RECORD_COLUMNS}, NULL::text AS "caseKey", NULL::text AS "keyGroup"
         FROM credit.good_conduct WHERE person_id = ANY($1::text[])`,
        [personIds],
      );
    },

    /** The collection state of every source seen so far. */
    findSourceStates(): Promise<SourceState[]> {
      return db.query<SourceState>(
        `SELECT source, cursor, last_success_at AS "lastSuccessAt",
           last_attempt_at AS "lastAttemptAt", last_error AS "lastError"
         FROM credit.collection_state ORDER BY source`,
      );
    },

    /**
     * Upserts a page of entries (only a newer change_seq replaces a stored version) and advances
     * the cursor in ONE transaction, so a crash leaves the cursor at the last committed page and
     * collection is idempotent. Returns how many records changed.
     */
    async commitPage(page: CollectedPage): Promise<number> {
      return db.transaction(async (tx) => {
        let changed = 0;
        if (page.entries.length > 0) {
          const rows = await tx.query<{ n: number }>(
            `WITH latest AS (
               SELECT DISTINCT ON (x."sourceRecordId") x.*
               FROM jsonb_to_recordset($2::jsonb) AS x("sourceRecordId" text, "personId" text,
                 "catalogCode" text, "decidedAt" date, "decisionNo" text,
                 status text, "statusChangedAt" date, "caseKey" text, "keyGroup" text,
                 "changeSeq" bigint)
               ORDER BY x."sourceRecordId", x."changeSeq" DESC
             ), upserted AS (
               INSERT INTO credit.records AS r (source_dept, source_record_id, person_id,
                 catalog_code, decided_at, decision_no, status, status_changed_at,
                 case_key, key_group, change_seq, collected_at)
               SELECT $1, "sourceRecordId", "personId", "catalogCode", "decidedAt",
                 "decisionNo", status, "statusChangedAt", "caseKey", "keyGroup", "changeSeq",
                 $3::timestamptz
               FROM latest
               ON CONFLICT (source_dept, source_record_id) DO UPDATE SET
                 person_id = EXCLUDED.person_id, catalog_code = EXCLUDED.catalog_code,
                 decided_at = EXCLUDED.decided_at,
                 decision_no = EXCLUDED.decision_no, status = EXCLUDED.status,
                 status_changed_at = EXCLUDED.status_changed_at, case_key = EXCLUDED.case_key,
                 key_group = EXCLUDED.key_group,
                 change_seq = EXCLUDED.change_seq, collected_at = EXCLUDED.collected_at
               WHERE r.change_seq < EXCLUDED.change_seq
               RETURNING 1
             )
             SELECT count(*)::int AS n FROM upserted`,
            [page.source, JSON.stringify(page.entries), page.attemptAt.toISOString()],
          );
          changed = rows[0].n;
        }
        await tx.query(
          `INSERT INTO credit.collection_state AS s (source, cursor, last_success_at,
             last_attempt_at, last_error)
           VALUES ($1, $2, $3::timestamptz, $4::timestamptz, NULL)
           ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor,
             last_attempt_at = EXCLUDED.last_attempt_at,
             last_success_at = COALESCE(EXCLUDED.last_success_at, s.last_success_at),
             last_error = CASE WHEN EXCLUDED.last_success_at IS NULL THEN s.last_error END`,
          [
            page.source,
            page.cursor,
            page.successAt?.toISOString() ?? null,
            page.attemptAt.toISOString(),
          ],
        );
        return changed;
      });
    },

    /** Records a failed pass of a source; its cursor and last success stay as they were. */
    async recordFailure(source: string, attemptAt: Date, error: string): Promise<void> {
      await db.query(
        `INSERT INTO credit.collection_state AS s (source, cursor, last_attempt_at, last_error)
         VALUES ($1, NULL, $2::timestamptz, $3)
         ON CONFLICT (source) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at,
           last_error = EXCLUDED.last_error`,
        [source, attemptAt.toISOString(), error],
      );
    },

    /** Forgets every collected record and cursor (seeding: the next pass collects afresh). */
    async resetCollection(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM credit.records');
        await tx.query('DELETE FROM credit.collection_state');
      });
    },
  };
}

export type CreditStore = ReturnType<typeof createCreditStore>;
