import type { Database } from '../../kit/db/database';
import { insertJsonRows } from '../../kit/db/in-batches';
import type { CreditRecordData } from '../rules/types';

/** A good-conduct record to store (the platform's own 守信信息). */
export interface GoodConductInput {
  sourceDept: 'CIVIL' | 'NDRC';
  personId: string;
  catalogCode: string;
  /** ISO yyyy-mm-dd. */
  decidedAt: string;
  decisionNo: string;
  /** Officer sub, or `seed`. */
  recordedBy: string;
  recordedAt: Date;
}

/** A seeded record also carries its id (`SEED<n>`), so a seed is repeatable. */
export interface SeededGoodConduct extends GoodConductInput {
  sourceRecordId: string;
}

const COLUMNS = `id, person_id AS "personId", source_dept AS "sourceDept",
  source_record_id AS "sourceRecordId", catalog_code AS "catalogCode",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt", NULL::text AS "caseKey"`;

/** Rows per bulk insert statement. */

/** SQL of the good-conduct records (`credit.good_conduct`); reads go through store.findRecords. */
export function createGoodConductStore(db: Database) {
  return {
    /** Stores one record numbered by the sequence (`GC<n>`) and returns it as a credit record. */
    async insert(input: GoodConductInput): Promise<CreditRecordData> {
      const rows = await db.query<CreditRecordData>(
        `INSERT INTO credit.good_conduct (source_dept, source_record_id, person_id, catalog_code,
           decided_at, decision_no, recorded_by, recorded_at)
         VALUES ($1, 'GC' || nextval('credit.good_conduct_seq'), $2, $3, $4::date, $5, $6,
           $7::timestamptz)
         RETURNING ${COLUMNS}`,
        [
          input.sourceDept,
          input.personId,
          input.catalogCode,
          input.decidedAt,
          input.decisionNo,
          input.recordedBy,
          input.recordedAt.toISOString(),
        ],
      );
      return rows[0];
    },

    /** Replaces every record with `records` (seeding), one statement per 2000 rows. */
    async replaceAll(records: readonly SeededGoodConduct[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM credit.good_conduct');
        await tx.exec('DELETE FROM credit.decisions; DELETE FROM credit.decision_versions;');
        await insertJsonRows(
          tx,
          records,
          `INSERT INTO credit.good_conduct (source_dept, source_record_id, person_id,
               catalog_code, decided_at, decision_no, recorded_by, recorded_at)
             SELECT "sourceDept", "sourceRecordId", "personId", "catalogCode",
               "decidedAt", "decisionNo", "recordedBy", "recordedAt"
             FROM jsonb_to_recordset($1::jsonb) AS x("sourceDept" text, "sourceRecordId" text,
               "personId" text, "catalogCode" text, "decidedAt" date,
               "decisionNo" text, "recordedBy" text, "recordedAt" timestamptz)`,
        );
      });
    },
  };
}

export type GoodConductStore = ReturnType<typeof createGoodConductStore>;
