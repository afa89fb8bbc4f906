import { randomUUID } from 'node:crypto';

import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import type { CreditFeedEntry } from '../credit-feed-store';
import type { Database, Queryable } from '../db/database';
import type { DisclosureFeedEntry } from '../disclosure-feed-store';
import type { DecisionLedgerStore } from './decision-ledger-store';
import type { DecisionChange, DecisionProjection, FeedVersions } from './decision-projection';
import { DecisionRefusal } from './decision-refusal';
import type { DecisionValues } from './decision-values';
import { recordedOutcome, subjectOf, unchangedOrRefused, writeOf } from './decision-write';
import type { DecisionWrite } from './decision-write';

/** A validated row of a batch. */
export interface BatchRow {
  rowNumber: number;
  values: DecisionValues;
}

/** What became of one row: written (or unchanged), refused, or failed for a system reason. */
export type BatchRowResult =
  | { rowNumber: number; write: DecisionWrite }
  | { rowNumber: number; refusal: DecisionRefusal }
  | { rowNumber: number; error: unknown };

/** What {@link recordDecisionBatch} works with: the writer's stores over its database. */
export interface DecisionBatchParts {
  db: Database;
  ledger: DecisionLedgerStore;
  projection: DecisionProjection;
  /** Appends feed versions (credit and disclosure outboxes), in order, in few statements. */
  publish(tx: Queryable, versions: FeedVersions): Promise<void>;
  /** Records one decision inside `tx`, the writer's rule for a single write. */
  recordIn(
    tx: Queryable,
    kind: DecisionKind,
    values: DecisionValues,
    writtenBy: string,
  ): Promise<DecisionWrite>;
}

/** Thrown inside a dry run's transaction to roll it back with what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly results: BatchRowResult[]) {
    super('dry run');
  }
}

/** Thrown inside the batch savepoint when a number was recorded meanwhile by another writer. */
class RecordedMeanwhile extends Error {}

function decisionNoOf(kind: DecisionKind, row: BatchRow): string {
  return row.values[kind.decisionNoField] ?? '';
}

/** One row in its own savepoint: written whole, or refused (or failed) with nothing of it kept. */
async function recordAlone(
  parts: DecisionBatchParts,
  tx: Queryable,
  kind: DecisionKind,
  row: BatchRow,
  writtenBy: string,
): Promise<BatchRowResult> {
  await tx.query('SAVEPOINT decision_row');
  try {
    const write = await parts.recordIn(tx, kind, row.values, writtenBy);
    await tx.query('RELEASE SAVEPOINT decision_row');
    return { rowNumber: row.rowNumber, write };
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT decision_row');
    if (error instanceof DecisionRefusal) return { rowNumber: row.rowNumber, refusal: error };
    return { rowNumber: row.rowNumber, error };
  }
}

/**
 * Whether a row's number is a decision seeded into the department's tables before any write (not
 * in the ledger): asked once for the whole batch where the projection can, else row by row.
 */
async function seededLookup(
  projection: DecisionProjection,
  tx: Queryable,
  kind: DecisionKind,
  rows: readonly BatchRow[],
  recorded: ReadonlyMap<string, unknown>,
): Promise<(decisionNo: string, row: BatchRow) => Promise<boolean>> {
  const { findUnrecorded } = projection;
  if (!findUnrecorded) return () => Promise.resolve(false);
  const unknown = [...new Set(rows.map((row) => decisionNoOf(kind, row)))].filter(
    (decisionNo) => !recorded.has(decisionNo),
  );
  const known =
    unknown.length > 0 && projection.seededNumbers
      ? await projection.seededNumbers(tx, kind, unknown)
      : null;
  if (known) return (decisionNo) => Promise.resolve(known.has(decisionNo));
  return async (decisionNo, row) =>
    (await findUnrecorded.call(projection, tx, kind, decisionNo, row.values)) !== null;
}

/** The versions of new decisions: batched by the projection where it can, else one by one. */
async function applyAll(
  projection: DecisionProjection,
  tx: Queryable,
  changes: readonly DecisionChange[],
): Promise<FeedVersions[]> {
  const batched = projection.recordMany ? await projection.recordMany(tx, changes) : null;
  if (batched) return batched;
  const versions: FeedVersions[] = [];
  for (const change of changes) versions.push(await projection.apply(tx, change));
  return versions;
}

/**
 * Writes the new rows of a batch set-wise inside a savepoint: ledger (with versions) in one
 * statement, the department's tables through the projection, both feeds in one statement each.
 * Throws (the caller rolls the savepoint back) when any row cannot be written.
 */
async function recordNewTogether(
  parts: DecisionBatchParts,
  tx: Queryable,
  kind: DecisionKind,
  rows: readonly BatchRow[],
  writtenBy: string,
): Promise<BatchRowResult[]> {
  const planned = rows.map((row) => ({ row, recordId: randomUUID() }));
  const inserted = await parts.ledger.insertMany(
    tx,
    kind.kind,
    planned.map(({ row, recordId }) => ({
      decisionNo: decisionNoOf(kind, row),
      recordId,
      values: row.values,
      subject: subjectOf(kind, row.values),
    })),
    writtenBy,
  );
  if (inserted.length !== rows.length) throw new RecordedMeanwhile();
  const byNo = new Map(inserted.map((decision) => [decision.decisionNo, decision]));
  const versions = await applyAll(
    parts.projection,
    tx,
    planned.map(({ row, recordId }) => ({
      kind,
      recordId,
      values: row.values,
      change: 'record' as const,
      writtenBy,
    })),
  );
  const credit: CreditFeedEntry[] = versions.flatMap((v) => v.credit);
  const disclosure: DisclosureFeedEntry[] = versions.flatMap((v) => v.disclosure);
  await parts.publish(tx, { credit, disclosure });
  return planned.map(({ row }) => {
    const decision = byNo.get(decisionNoOf(kind, row));
    if (!decision) throw new RecordedMeanwhile();
    return { rowNumber: row.rowNumber, write: writeOf(kind, decision, recordedOutcome(kind)) };
  });
}

/**
 * Records the validated rows of one batch in ONE transaction, with the rules of a single write
 * for each row (idempotent by decision number; a number recorded with other content, or
 * revoked, refused naming why), so a file imports at the speed of a few statements per batch
 * rather than a transaction per row:
 *
 * 1. the rows' numbers already in the ledger are read and locked in one statement, and each such
 *    row is UNCHANGED or refused without writing anything (a second import of a file is this
 *    statement alone);
 * 2. the new rows are written together inside a savepoint (ledger and versions, the department's
 *    tables, both feeds: a few statements for the whole batch);
 * 3. if any of them cannot be written (the projection refuses one, a concurrent writer recorded a
 *    number meanwhile, the database refuses a value), that savepoint is rolled back and the new
 *    rows are written one at a time, each in its own savepoint, so the row at fault is refused
 *    alone, nothing of it kept, and the good rows still import. A number repeated within the
 *    batch, and a number of a decision seeded into the department's tables before any write
 *    (`DecisionProjection.seededNumbers`, one statement for the batch, or `findUnrecorded` row by
 *    row where a department has no set-wise form), is written after the others, one at a time, by the single-write rule.
 *
 * `dryRun` runs all of it and rolls the transaction back. Results come in no particular order.
 */
export async function recordDecisionBatch(
  parts: DecisionBatchParts,
  kind: DecisionKind,
  rows: readonly BatchRow[],
  writtenBy: string,
  dryRun: boolean,
): Promise<BatchRowResult[]> {
  if (rows.length === 0) return [];
  const work = async (tx: Queryable): Promise<BatchRowResult[]> => {
    const results: BatchRowResult[] = [];
    const recorded = await parts.ledger.lockMany(
      tx,
      kind.kind,
      rows.map((row) => decisionNoOf(kind, row)),
    );
    const seeded = await seededLookup(parts.projection, tx, kind, rows, recorded);
    const fresh: BatchRow[] = [];
    const repeated: BatchRow[] = [];
    const freshNos = new Set<string>();
    for (const row of rows) {
      const decisionNo = decisionNoOf(kind, row);
      const existing = recorded.get(decisionNo);
      if (existing) {
        try {
          const outcome = unchangedOrRefused(kind, existing, row.values);
          results.push({ rowNumber: row.rowNumber, write: writeOf(kind, existing, outcome) });
        } catch (error) {
          if (!(error instanceof DecisionRefusal)) throw error;
          results.push({ rowNumber: row.rowNumber, refusal: error });
        }
      } else if (freshNos.has(decisionNo)) {
        repeated.push(row);
      } else if (await seeded(decisionNo, row)) {
        // Seeded before any write (in the tables, not the ledger): the same decision, compared
        // and adopted by the single-write rule, one at a time.
        repeated.push(row);
      } else {
        freshNos.add(decisionNo);
        fresh.push(row);
      }
    }
    if (fresh.length > 0) {
      await tx.query('SAVEPOINT decision_batch');
      try {
        results.push(...(await recordNewTogether(parts, tx, kind, fresh, writtenBy)));
        await tx.query('RELEASE SAVEPOINT decision_batch');
      } catch {
        // Which row failed, and why, is found by writing them one at a time.
        await tx.query('ROLLBACK TO SAVEPOINT decision_batch');
        for (const row of fresh) results.push(await recordAlone(parts, tx, kind, row, writtenBy));
      }
    }
    for (const row of repeated) results.push(await recordAlone(parts, tx, kind, row, writtenBy));
    if (dryRun) throw new DryRunRollback(results);
    return results;
  };
  try {
    return await parts.db.transaction(work);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.results;
    throw error;
  }
}
