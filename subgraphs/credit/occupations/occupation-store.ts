import type { Database } from '../../kit/db/database';
import type { CollectedPage } from '../store';
import type { CollectedOccupation } from './occupation-entry-reader';

/** A licensed occupation of a person as collected (the `Occupation` SDL type). */
export interface StoredOccupation {
  personId: string;
  occupation: string;
  /** The department that issued the licence or keeps the registration. */
  dept: string;
  status: string;
  since: string;
  statusChangedAt: string | null;
}

/** SQL of the collected licensed occupations (schema `credit`). */
export function createOccupationStore(db: Database) {
  return {
    /** The cursor of every occupation source seen so far. */
    findSourceStates(): Promise<{ source: string; cursor: string | null }[]> {
      return db.query(
        'SELECT source, cursor FROM credit.occupation_collection_state ORDER BY source',
      );
    },

    /** Occupations of `personIds`, by occupation then department, in one statement. */
    findByPersons(personIds: readonly string[]): Promise<StoredOccupation[]> {
      return db.query<StoredOccupation>(
        `SELECT person_id AS "personId", occupation, source_dept AS dept, status,
           to_char(since, 'YYYY-MM-DD') AS since,
           to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"
         FROM credit.occupations WHERE person_id = ANY($1::text[])
         ORDER BY person_id, occupation, source_dept, since DESC`,
        [personIds],
      );
    },

    /**
     * Upserts a page of licence versions (only a newer change_seq replaces a stored one) and
     * advances the cursor in ONE transaction, so collection is idempotent and resumable.
     */
    async commitPage(page: CollectedPage<CollectedOccupation>): Promise<number> {
      return db.transaction(async (tx) => {
        let changed = 0;
        if (page.entries.length > 0) {
          const [{ n }] = await tx.query<{ n: number }>(
            `WITH latest AS (
               SELECT DISTINCT ON (x."licenceId") x.*
               FROM jsonb_to_recordset($2::jsonb) AS x("licenceId" text, "personId" text,
                 occupation text, status text, since date, "statusChangedAt" date,
                 "changeSeq" bigint)
               ORDER BY x."licenceId", x."changeSeq" DESC
             ), upserted AS (
               INSERT INTO credit.occupations AS o (source_dept, licence_id, person_id, occupation,
                 status, since, status_changed_at, change_seq, collected_at)
               SELECT $1, "licenceId", "personId", occupation, status, since, "statusChangedAt",
                 "changeSeq", $3::timestamptz
               FROM latest
               ON CONFLICT (source_dept, licence_id) DO UPDATE SET
                 person_id = EXCLUDED.person_id, occupation = EXCLUDED.occupation,
                 status = EXCLUDED.status, since = EXCLUDED.since,
                 status_changed_at = EXCLUDED.status_changed_at,
                 change_seq = EXCLUDED.change_seq, collected_at = EXCLUDED.collected_at
               WHERE o.change_seq < EXCLUDED.change_seq
               RETURNING 1
             )
             SELECT count(*)::int AS n FROM upserted`,
            [page.source, JSON.stringify(page.entries), page.attemptAt.toISOString()],
          );
          changed = n;
        }
        await tx.query(
          `INSERT INTO credit.occupation_collection_state AS s (source, cursor, last_success_at,
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

    /** Records a failed pass of an occupation source; its cursor stays as it was. */
    async recordFailure(source: string, attemptAt: Date, error: string): Promise<void> {
      await db.query(
        `INSERT INTO credit.occupation_collection_state AS s (source, cursor, last_attempt_at,
           last_error)
         VALUES ($1, NULL, $2::timestamptz, $3)
         ON CONFLICT (source) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at,
           last_error = EXCLUDED.last_error`,
        [source, attemptAt.toISOString(), error],
      );
    },
  };
}

/** The SQL of the collected occupations. */
export type OccupationStore = ReturnType<typeof createOccupationStore>;
