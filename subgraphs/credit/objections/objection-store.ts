import type { Database, Queryable } from '../../kit/db/database';
import { inBatches } from '../../kit/db/in-batches';
import type { CreditRecordData } from '../rules/types';
import type {
  ObjectionCorrection,
  ObjectionData,
  ObjectionStatus,
  PersonAdjustments,
  RecordRef,
  RepairData,
} from './types';

/** An objection to store: filed through the API, or seeded. */
export interface NewObjection extends RecordRef {
  reason: string;
  filedBy: string;
  filedOn: string;
  dueOn: string;
  /** The due date was counted through a year without confirmed holidays. */
  dueOnProvisional: boolean;
  /** Seeds only; default OPEN with no decision. */
  decision?: ObjectionDecision;
}

/** The source department's decision on an objection. */
export interface ObjectionDecision {
  status: Exclude<ObjectionStatus, 'OPEN'>;
  correction: ObjectionCorrection | null;
  note: string;
  decidedOn: string;
  decidedBy: string;
}

/** A repair application to store. */
export interface NewRepair extends RecordRef {
  commitment: string;
  proofOfCorrection: string;
  appliedBy: string;
  appliedOn: string;
  /** Seeds only; default PENDING with no decision. */
  decision?: RepairDecision;
}

/** The deciding department's decision on a repair application. */
export interface RepairDecision {
  approved: boolean;
  note: string;
  decidedOn: string;
  decidedBy: string;
}

/** An open objection past its due date, with the id of the record it is about if collected. */
export interface OverdueObjection {
  objection: ObjectionData;
  /** `<sourceDept>:<sourceRecordId>`; null for a seeded claim whose record is not collected. */
  recordId: string | null;
}

const OBJECTION_JSON = `jsonb_build_object('id', id::text, 'personId', person_id,
  'sourceDept', source_dept, 'sourceRecordId', source_record_id, 'catalogCode', catalog_code,
  'reason', reason, 'filedBy', filed_by, 'filedOn', filed_on, 'dueOn', due_on,
  'dueOnProvisional', due_on_provisional, 'status', status,
  'correction', correction, 'decisionNote', decision_note, 'decidedOn', decided_on,
  'decidedBy', decided_by)`;

const REPAIR_JSON = `jsonb_build_object('id', id::text, 'personId', person_id,
  'sourceDept', source_dept, 'sourceRecordId', source_record_id, 'catalogCode', catalog_code,
  'commitment', commitment, 'proofOfCorrection', proof_of_correction, 'appliedBy', applied_by,
  'appliedOn', applied_on, 'status', status, 'decisionNote', decision_note,
  'decidedOn', decided_on, 'decidedBy', decided_by)`;

const RECORD_COLUMNS = `id, person_id AS "personId", source_dept AS "sourceDept",
  source_record_id AS "sourceRecordId", catalog_code AS "catalogCode",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt", case_key AS "caseKey"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows per bulk insert statement (seeds). */

function insertObjections(db: Queryable, rows: readonly NewObjection[]) {
  return db.query<{ data: ObjectionData }>(
    `INSERT INTO credit.objections (person_id, source_dept, source_record_id, catalog_code, reason,
       filed_by, filed_on, due_on, due_on_provisional, status, correction, decision_note,
       decided_on, decided_by)
     SELECT "personId", "sourceDept", "sourceRecordId", "catalogCode", reason, "filedBy",
       "filedOn", "dueOn", "dueOnProvisional", COALESCE(status, 'OPEN'), correction, note,
       "decidedOn", "decidedBy"
     FROM jsonb_to_recordset($1::jsonb) AS x("personId" text, "sourceDept" text,
       "sourceRecordId" text, "catalogCode" text, reason text, "filedBy" text, "filedOn" date,
       "dueOn" date, "dueOnProvisional" boolean, status text, correction text, note text,
       "decidedOn" date, "decidedBy" text)
     RETURNING ${OBJECTION_JSON} AS data`,
    [
      JSON.stringify(
        rows.map(({ decision, ...row }) => ({
          ...row,
          status: decision?.status ?? null,
          correction: decision?.correction ?? null,
          note: decision?.note ?? null,
          decidedOn: decision?.decidedOn ?? null,
          decidedBy: decision?.decidedBy ?? null,
        })),
      ),
    ],
  );
}

function insertRepairs(db: Queryable, rows: readonly NewRepair[]) {
  return db.query<{ data: RepairData }>(
    `INSERT INTO credit.repairs (person_id, source_dept, source_record_id, catalog_code,
       commitment, proof_of_correction, applied_by, applied_on, status, decision_note,
       decided_on, decided_by)
     SELECT "personId", "sourceDept", "sourceRecordId", "catalogCode", commitment,
       "proofOfCorrection", "appliedBy", "appliedOn", COALESCE(status, 'PENDING'), note,
       "decidedOn", "decidedBy"
     FROM jsonb_to_recordset($1::jsonb) AS x("personId" text, "sourceDept" text,
       "sourceRecordId" text, "catalogCode" text, commitment text, "proofOfCorrection" text,
       "appliedBy" text, "appliedOn" date, status text, note text, "decidedOn" date,
       "decidedBy" text)
     RETURNING ${REPAIR_JSON} AS data`,
    [
      JSON.stringify(
        rows.map(({ decision, ...row }) => ({
          ...row,
          status: decision === undefined ? null : decision.approved ? 'APPROVED' : 'REJECTED',
          note: decision?.note ?? null,
          decidedOn: decision?.decidedOn ?? null,
          decidedBy: decision?.decidedBy ?? null,
        })),
      ),
    ],
  );
}

/** SQL of objections and repairs (tables `credit.objections`, `credit.repairs`). */
export function createObjectionStore(db: Database) {
  return {
    /** Every objection and repair of the persons `personIds`, history included; ONE statement. */
    async findByPersons(
      personIds: readonly string[],
    ): Promise<(PersonAdjustments & { personId: string })[]> {
      const rows = await db.query<{
        personId: string;
        objections: ObjectionData[];
        repairs: RepairData[];
      }>(
        `SELECT p.id AS "personId",
           COALESCE((SELECT jsonb_agg(${OBJECTION_JSON} ORDER BY filed_on, id)
             FROM credit.objections WHERE person_id = p.id), '[]'::jsonb) AS objections,
           COALESCE((SELECT jsonb_agg(${REPAIR_JSON} ORDER BY applied_on, id)
             FROM credit.repairs WHERE person_id = p.id), '[]'::jsonb) AS repairs
         FROM unnest($1::text[]) AS p(id)`,
        [personIds],
      );
      return rows;
    },

    /** One collected record by its platform id `<sourceDept>:<sourceRecordId>`. */
    async findRecord(recordId: string): Promise<CreditRecordData | undefined> {
      const rows = await db.query<CreditRecordData>(
        `SELECT ${RECORD_COLUMNS} FROM credit.records WHERE id = $1`,
        [recordId],
      );
      return rows[0];
    },

    /** One objection by id (undefined for an unknown or malformed id). */
    async findObjection(id: string): Promise<ObjectionData | undefined> {
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<{ data: ObjectionData }>(
        `SELECT ${OBJECTION_JSON} AS data FROM credit.objections WHERE id = $1::uuid`,
        [id],
      );
      return rows[0]?.data;
    },

    /** One repair application by id (undefined for an unknown or malformed id). */
    async findRepair(id: string): Promise<RepairData | undefined> {
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<{ data: RepairData }>(
        `SELECT ${REPAIR_JSON} AS data FROM credit.repairs WHERE id = $1::uuid`,
        [id],
      );
      return rows[0]?.data;
    },

    /**
     * Stores a new objection unless the record already has an open one (then undefined): the
     * partial unique index decides, so two concurrent filings cannot both succeed.
     */
    async insertObjection(objection: NewObjection): Promise<ObjectionData | undefined> {
      const rows = await db.query<{ data: ObjectionData }>(
        `INSERT INTO credit.objections (person_id, source_dept, source_record_id, catalog_code,
           reason, filed_by, filed_on, due_on, due_on_provisional)
         VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9)
         ON CONFLICT (source_dept, source_record_id)
           WHERE status = 'OPEN' AND source_record_id IS NOT NULL DO NOTHING
         RETURNING ${OBJECTION_JSON} AS data`,
        [
          objection.personId,
          objection.sourceDept,
          objection.sourceRecordId,
          objection.catalogCode,
          objection.reason,
          objection.filedBy,
          objection.filedOn,
          objection.dueOn,
          objection.dueOnProvisional,
        ],
      );
      return rows[0]?.data;
    },

    /** Decides an OPEN objection; undefined when it is no longer open (decided concurrently). */
    async decideObjection(
      id: string,
      decision: ObjectionDecision,
    ): Promise<ObjectionData | undefined> {
      const rows = await db.query<{ data: ObjectionData }>(
        `UPDATE credit.objections SET status = $2, correction = $3, decision_note = $4,
           decided_on = $5::date, decided_by = $6
         WHERE id = $1::uuid AND status = 'OPEN'
         RETURNING ${OBJECTION_JSON} AS data`,
        [
          id,
          decision.status,
          decision.correction,
          decision.note,
          decision.decidedOn,
          decision.decidedBy,
        ],
      );
      return rows[0]?.data;
    },

    /** Stores a repair application unless one is pending for the record (then undefined). */
    async insertRepair(repair: NewRepair): Promise<RepairData | undefined> {
      const rows = await db.query<{ data: RepairData }>(
        `INSERT INTO credit.repairs (person_id, source_dept, source_record_id, catalog_code,
           commitment, proof_of_correction, applied_by, applied_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date)
         ON CONFLICT (source_dept, source_record_id)
           WHERE status = 'PENDING' AND source_record_id IS NOT NULL DO NOTHING
         RETURNING ${REPAIR_JSON} AS data`,
        [
          repair.personId,
          repair.sourceDept,
          repair.sourceRecordId,
          repair.catalogCode,
          repair.commitment,
          repair.proofOfCorrection,
          repair.appliedBy,
          repair.appliedOn,
        ],
      );
      return rows[0]?.data;
    },

    /** Decides a PENDING repair; undefined when it is no longer pending. */
    async decideRepair(id: string, decision: RepairDecision): Promise<RepairData | undefined> {
      const rows = await db.query<{ data: RepairData }>(
        `UPDATE credit.repairs SET status = $2, decision_note = $3, decided_on = $4::date,
           decided_by = $5
         WHERE id = $1::uuid AND status = 'PENDING'
         RETURNING ${REPAIR_JSON} AS data`,
        [
          id,
          decision.approved ? 'APPROVED' : 'REJECTED',
          decision.note,
          decision.decidedOn,
          decision.decidedBy,
        ],
      );
      return rows[0]?.data;
    },

    /**
     * Open objections whose due date is before `asOf`, oldest due first, with the record each is
     * about (a seeded claim's record found like record-adjustment.ts finds it); ONE statement.
     */
    async findOverdue(asOf: string): Promise<OverdueObjection[]> {
      return db.query<OverdueObjection>(
        `SELECT ${OBJECTION_JSON} AS objection,
           COALESCE(o.source_dept || ':' || o.source_record_id,
             (SELECT r.id FROM credit.records r
              WHERE r.person_id = o.person_id AND r.source_dept = o.source_dept
                AND r.catalog_code = o.catalog_code AND r.decided_at <= o.filed_on
              ORDER BY r.decided_at DESC, r.id DESC LIMIT 1)) AS "recordId"
         FROM credit.objections o
         WHERE o.status = 'OPEN' AND o.due_on < $1::date
         ORDER BY o.due_on, o.filed_on, o.id`,
        [asOf],
      );
    },

    /** Replaces every objection and repair (seeding a fresh county), in one transaction. */
    async replaceAll(
      objections: readonly NewObjection[],
      repairs: readonly NewRepair[],
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM credit.objections');
        await tx.query('DELETE FROM credit.repairs');
        await inBatches(objections, (batch) => insertObjections(tx, batch));
        await inBatches(repairs, (batch) => insertRepairs(tx, batch));
      });
    },
  };
}

export type ObjectionStore = ReturnType<typeof createObjectionStore>;
