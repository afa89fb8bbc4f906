import type { Queryable } from '../db/database';
import type { DecisionValues } from './decision-values';

/** Where a recorded decision stands in the ledger. */
export type LedgerStatus = 'ACTIVE' | 'REVOKED';

/** A decision as the ledger holds it, at its current version. */
export interface LedgerDecision {
  kind: string;
  decisionNo: string;
  recordId: string;
  values: DecisionValues;
  status: LedgerStatus;
  statusChangedAt: string | null;
  version: number;
}

/** Why a version was written. */
export type LedgerChange = 'RECORDED' | 'CORRECTED' | 'REVOKED';

const COLUMNS = `kind, decision_no AS "decisionNo", record_id AS "recordId", content AS values,
  status, to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt", version`;

/**
 * The decision ledger of a department (tables `<schema>.decisions`, current versions, and
 * `<schema>.decision_versions`, every version with who wrote it and why): what makes writes
 * idempotent by decision number and keeps a corrected decision's earlier content. DDL:
 *
 *   CREATE TABLE <schema>.decisions (kind text, decision_no text, record_id text UNIQUE,
 *     subject text NOT NULL, content jsonb, status text, status_changed_at date, version int,
 *     PRIMARY KEY (kind, decision_no));
 *   CREATE TABLE <schema>.decision_versions (kind, decision_no, version, content, status,
 *     status_changed_at, change text, written_by text, written_at timestamptz,
 *     PRIMARY KEY (kind, decision_no, version));
 */
export function createDecisionLedgerStore(schema: string) {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);

  async function appendVersion(
    tx: Queryable,
    decision: LedgerDecision,
    change: LedgerChange,
    writtenBy: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${schema}.decision_versions (kind, decision_no, version, content, status,
         status_changed_at, change, written_by, written_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6::date, $7, $8, now())`,
      [
        decision.kind,
        decision.decisionNo,
        decision.version,
        JSON.stringify(decision.values),
        decision.status,
        decision.statusChangedAt,
        change,
        writtenBy,
      ],
    );
  }

  return {
    /** The decision `decisionNo` of `kind` as it stands now, unlocked; null if none. */
    async find(db: Queryable, kind: string, decisionNo: string): Promise<LedgerDecision | null> {
      const [row] = await db.query<LedgerDecision>(
        `SELECT ${COLUMNS} FROM ${schema}.decisions WHERE kind = $1 AND decision_no = $2`,
        [kind, decisionNo],
      );
      return row ?? null;
    },

    /** The decision `decisionNo` of `kind`, locked for the rest of the transaction; null if none. */
    async lock(tx: Queryable, kind: string, decisionNo: string): Promise<LedgerDecision | null> {
      const [row] = await tx.query<LedgerDecision>(
        `SELECT ${COLUMNS} FROM ${schema}.decisions WHERE kind = $1 AND decision_no = $2
         FOR UPDATE`,
        [kind, decisionNo],
      );
      return row ?? null;
    },

    /**
     * The recorded decisions among `decisionNos` of `kind`, locked for the rest of the
     * transaction in decision-number order (so two batches never wait on each other in a cycle),
     * by decision number: one statement for a whole batch.
     */
    async lockMany(
      tx: Queryable,
      kind: string,
      decisionNos: readonly string[],
    ): Promise<Map<string, LedgerDecision>> {
      if (decisionNos.length === 0) return new Map();
      const rows = await tx.query<LedgerDecision>(
        `SELECT ${COLUMNS} FROM ${schema}.decisions WHERE kind = $1 AND decision_no = ANY($2::text[])
         ORDER BY decision_no FOR UPDATE`,
        [kind, [...new Set(decisionNos)]],
      );
      return new Map(rows.map((row) => [row.decisionNo, row]));
    },

    /**
     * Records new decisions of one kind (version 1 each, with its version row) in one statement.
     * A number recorded meanwhile by a concurrent write is skipped: the caller compares what it
     * gets back with what it asked for.
     */
    async insertMany(
      tx: Queryable,
      kind: string,
      decisions: readonly (Omit<
        LedgerDecision,
        'kind' | 'version' | 'status' | 'statusChangedAt'
      > & {
        subject: string;
      })[],
      writtenBy: string,
    ): Promise<LedgerDecision[]> {
      if (decisions.length === 0) return [];
      // Inserted in decision-number order, as lockMany locks: concurrent batches queue, never cycle.
      const rows = [...decisions]
        .sort((a, b) => (a.decisionNo < b.decisionNo ? -1 : a.decisionNo > b.decisionNo ? 1 : 0))
        .map((d) => ({
          decision_no: d.decisionNo,
          record_id: d.recordId,
          subject: d.subject,
          content: d.values,
        }));
      return tx.query<LedgerDecision>(
        `WITH input AS (
           SELECT decision_no, record_id, subject, content, ordinality
           FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (decision_no text, record_id text,
             subject text, content jsonb)) WITH ORDINALITY AS x(decision_no, record_id, subject,
             content, ordinality)
         ), inserted AS (
           INSERT INTO ${schema}.decisions (kind, decision_no, record_id, subject, content, status,
             version)
           SELECT $1, decision_no, record_id, subject, content, 'ACTIVE', 1 FROM input
           ORDER BY ordinality
           ON CONFLICT (kind, decision_no) DO NOTHING
           RETURNING kind, decision_no, record_id, content, status, status_changed_at, version
         ), versions AS (
           INSERT INTO ${schema}.decision_versions (kind, decision_no, version, content, status,
             status_changed_at, change, written_by, written_at)
           SELECT kind, decision_no, version, content, status, status_changed_at, 'RECORDED', $3,
             now()
           FROM inserted
         )
         SELECT kind, decision_no AS "decisionNo", record_id AS "recordId", content AS values,
           status, to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt", version
         FROM inserted`,
        [kind, JSON.stringify(rows), writtenBy],
      );
    },

    /**
     * Records a new decision (version 1). Returns false, writing nothing, when its number was
     * recorded meanwhile by a concurrent write (the caller then re-reads and compares).
     */
    async insert(
      tx: Queryable,
      decision: Omit<LedgerDecision, 'version' | 'status' | 'statusChangedAt'>,
      subject: string,
      writtenBy: string,
    ): Promise<LedgerDecision | null> {
      const [row] = await tx.query<LedgerDecision>(
        `INSERT INTO ${schema}.decisions (kind, decision_no, record_id, subject, content, status,
           version)
         VALUES ($1, $2, $3, $4, $5::jsonb, 'ACTIVE', 1)
         ON CONFLICT (kind, decision_no) DO NOTHING RETURNING ${COLUMNS}`,
        [
          decision.kind,
          decision.decisionNo,
          decision.recordId,
          subject,
          JSON.stringify(decision.values),
        ],
      );
      if (!row) return null;
      await appendVersion(tx, row, 'RECORDED', writtenBy);
      return row;
    },

    /** Writes the next version of a locked decision: new content (correction) or new status. */
    async update(
      tx: Queryable,
      current: LedgerDecision,
      next: Pick<LedgerDecision, 'values' | 'status' | 'statusChangedAt'>,
      subject: string,
      change: LedgerChange,
      writtenBy: string,
    ): Promise<LedgerDecision> {
      const [row] = await tx.query<LedgerDecision>(
        `UPDATE ${schema}.decisions SET content = $3::jsonb, status = $4,
           status_changed_at = $5::date, subject = $6, version = version + 1
         WHERE kind = $1 AND decision_no = $2 RETURNING ${COLUMNS}`,
        [
          current.kind,
          current.decisionNo,
          JSON.stringify(next.values),
          next.status,
          next.statusChangedAt,
          subject,
        ],
      );
      await appendVersion(tx, row, change, writtenBy);
      return row;
    },
  };
}

export type DecisionLedgerStore = ReturnType<typeof createDecisionLedgerStore>;
