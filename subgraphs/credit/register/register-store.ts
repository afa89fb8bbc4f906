import type { Database } from '../../kit/db/database';
import type { CollectedPage } from '../store';
import type { RegisterEntry } from './register-entry';
import type { CollectedRegisterEntry } from './register-entry-reader';

/** SQL of the collected household register standings (`credit.register_entries`). */
export function createRegisterStore(db: Database) {
  return {
    /** The cursor of the register source (row 'PSB' of credit.collection_state), if collected. */
    findSourceStates(): Promise<{ source: string; cursor: string | null }[]> {
      return db.query(
        `SELECT source, cursor FROM credit.collection_state WHERE source = 'PSB' ORDER BY source`,
      );
    },

    /** The register standing of the persons `ids` that the register knows; one statement. */
    findByPersons(ids: readonly string[]): Promise<RegisterEntry[]> {
      return db.query<RegisterEntry>(
        `SELECT person_id AS "personId", household_status AS "householdStatus",
           registration_issues AS "registrationIssues",
           to_char(registered_since, 'YYYY-MM-DD') AS "registeredSince"
         FROM credit.register_entries WHERE person_id = ANY($1::text[])`,
        [ids],
      );
    },

    /**
     * Upserts a page of standings (only a newer change_seq replaces a stored one) and advances the
     * source's cursor in ONE transaction, like the credit feeds: idempotent and resumable.
     */
    async commitPage(page: CollectedPage<CollectedRegisterEntry>): Promise<number> {
      return db.transaction(async (tx) => {
        let changed = 0;
        if (page.entries.length > 0) {
          const [{ n }] = await tx.query<{ n: number }>(
            `WITH latest AS (
               SELECT DISTINCT ON (x."personId") x.*
               FROM jsonb_to_recordset($1::jsonb) AS x("personId" text, "householdStatus" text,
                 "registrationIssues" text[], "registeredSince" date, "changeSeq" bigint)
               ORDER BY x."personId", x."changeSeq" DESC
             ), upserted AS (
               INSERT INTO credit.register_entries AS r (person_id, household_status,
                 registration_issues, registered_since, change_seq, collected_at)
               SELECT "personId", "householdStatus", "registrationIssues", "registeredSince",
                 "changeSeq", $2::timestamptz
               FROM latest
               ON CONFLICT (person_id) DO UPDATE SET
                 household_status = EXCLUDED.household_status,
                 registration_issues = EXCLUDED.registration_issues,
                 registered_since = EXCLUDED.registered_since,
                 change_seq = EXCLUDED.change_seq, collected_at = EXCLUDED.collected_at
               WHERE r.change_seq < EXCLUDED.change_seq
               RETURNING 1
             )
             SELECT count(*)::int AS n FROM upserted`,
            [JSON.stringify(page.entries), page.attemptAt.toISOString()],
          );
          changed = n;
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

    /** Records a failed pass of the register source; its cursor and last success stay. */
    async recordFailure(source: string, attemptAt: Date, error: string): Promise<void> {
      await db.query(
        `INSERT INTO credit.collection_state AS s (source, cursor, last_attempt_at, last_error)
         VALUES ($1, NULL, $2::timestamptz, $3)
         ON CONFLICT (source) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at,
           last_error = EXCLUDED.last_error`,
        [source, attemptAt.toISOString(), error],
      );
    },

    /** Forgets every collected standing (seeding: the next pass collects afresh). */
    async resetCollection(): Promise<void> {
      await db.query('DELETE FROM credit.register_entries');
    },
  };
}

export type RegisterStore = ReturnType<typeof createRegisterStore>;
