import type { Database } from '../../kit/db/database';

/** A recorded jointMeasures check (`credit.measure_checks`). */
export interface MeasureCheckData {
  id: string;
  personId: string;
  matter: string;
  listStatus: string;
  checkedAt: Date;
  dept: string;
  requestedBy: string;
  caseRef: string | null;
  measuresVersion: string;
  measureCodes: string[];
  feedbackAt: Date | null;
  feedbackBy: string | null;
  appliedCodes: string[] | null;
  feedbackNote: string | null;
}

/** A check to record. */
export type NewMeasureCheck = Omit<
  MeasureCheckData,
  'id' | 'feedbackAt' | 'feedbackBy' | 'appliedCodes' | 'feedbackNote'
>;

/** Feedback of the department that made a check. */
export interface MeasureFeedback {
  checkId: string;
  dept: string;
  reportedBy: string;
  appliedCodes: readonly string[];
  note: string | null;
  at: Date;
}

const CHECK_COLUMNS = `id::text, person_id AS "personId", matter, list_status AS "listStatus",
  checked_at AS "checkedAt", dept, requested_by AS "requestedBy", case_ref AS "caseRef",
  measures_version AS "measuresVersion", measure_codes AS "measureCodes",
  feedback_at AS "feedbackAt", feedback_by AS "feedbackBy", applied_codes AS "appliedCodes",
  feedback_note AS "feedbackNote"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL of joint measures checks and their feedback (schema `credit`). */
export function createMeasuresStore(db: Database) {
  return {
    /** Records a check and returns it with its id. */
    async insertCheck(check: NewMeasureCheck): Promise<MeasureCheckData> {
      const [row] = await db.query<MeasureCheckData>(
        `INSERT INTO credit.measure_checks (person_id, matter, list_status, checked_at, dept,
           requested_by, case_ref, measures_version, measure_codes)
         VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8, $9::text[])
         RETURNING ${CHECK_COLUMNS}`,
        [
          check.personId,
          check.matter,
          check.listStatus,
          check.checkedAt.toISOString(),
          check.dept,
          check.requestedBy,
          check.caseRef,
          check.measuresVersion,
          check.measureCodes,
        ],
      );
      return row;
    },

    /** One check by id, or null (a malformed id too). */
    async findCheck(id: string): Promise<MeasureCheckData | null> {
      if (!UUID.test(id)) return null;
      const rows = await db.query<MeasureCheckData>(
        `SELECT ${CHECK_COLUMNS} FROM credit.measure_checks WHERE id = $1::uuid`,
        [id],
      );
      return rows[0] ?? null;
    },

    /**
     * Stores the feedback if the check belongs to `dept` and has none yet, in one statement (two
     * concurrent reports cannot both win); null when nothing was updated.
     */
    async reportFeedback(feedback: MeasureFeedback): Promise<MeasureCheckData | null> {
      const rows = await db.query<MeasureCheckData>(
        `UPDATE credit.measure_checks SET feedback_at = $3::timestamptz, feedback_by = $4,
           applied_codes = $5::text[], feedback_note = $6
         WHERE id = $1::uuid AND dept = $2 AND feedback_at IS NULL
         RETURNING ${CHECK_COLUMNS}`,
        [
          feedback.checkId,
          feedback.dept,
          feedback.at.toISOString(),
          feedback.reportedBy,
          feedback.appliedCodes,
          feedback.note,
        ],
      );
      return rows[0] ?? null;
    },

    /** Forgets every check (seeding a new synthetic county). */
    async deleteAll(): Promise<void> {
      await db.query('DELETE FROM credit.measure_checks');
    },

    /** Checks without feedback made at or before `checkedBefore`, oldest first, at most `limit`. */
    findOpenChecks(checkedBefore: Date, limit: number): Promise<MeasureCheckData[]> {
      return db.query<MeasureCheckData>(
        `SELECT ${CHECK_COLUMNS} FROM credit.measure_checks
         WHERE feedback_at IS NULL AND checked_at <= $1::timestamptz
         ORDER BY checked_at, id LIMIT $2`,
        [checkedBefore.toISOString(), limit],
      );
    },
  };
}

export type MeasuresStore = ReturnType<typeof createMeasuresStore>;
