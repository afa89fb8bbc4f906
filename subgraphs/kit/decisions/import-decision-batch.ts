import { GraphQLError } from 'graphql';
import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { IMPORT_BATCH_LIMITS } from '../../../lib/decision-kinds/import-batch-limits';
import { intentOf } from './create-decision-writer';
import type { DecisionAuthor, DecisionWrite, DecisionWriter } from './create-decision-writer';
import { parseDecisionValues } from './parse-decision-values';
import type { RawValue } from './parse-decision-values';
import type { BatchRow, BatchRowResult } from './record-decision-batch';

/** One row of a batch, as `ImportRowInput`. */
export interface ImportRow {
  rowNumber: number;
  values: readonly RawValue[];
}

/** A refused row, as `ImportRejection`. */
export interface ImportRejection {
  rowNumber: number;
  field: string | null;
  reason: string;
}

/** What a batch did, as `ImportBatchResult`, plus every write (none in a dry run). */
export interface ImportBatchOutcome {
  kind: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
  writes: DecisionWrite[];
}

/** The rejection of a row whose write failed for a reason of the system, not of the row. */
const NOT_WRITTEN =
  'could not be written (an error of the system, logged for the operators): nothing of this row ' +
  'was written; import it again later';

function refuseBatch(limit: string, max: number, measured: number, what: string): GraphQLError {
  return new GraphQLError(
    `Batch too large: ${measured} ${what}, at most ${max} per batch (split the file into batches).`,
    { extensions: { code: 'BAD_USER_INPUT', limit, max, measured } },
  );
}

/** Refuses a batch beyond IMPORT_BATCH_LIMITS before any row is looked at. */
function checkBounds(rows: readonly ImportRow[]): void {
  const { maxRows, maxValueBytes, maxValuesPerRow } = IMPORT_BATCH_LIMITS;
  if (rows.length > maxRows) throw refuseBatch('maxRows', maxRows, rows.length, 'rows');
  let bytes = 0;
  for (const row of rows) {
    if (row.values.length > maxValuesPerRow) {
      throw refuseBatch('maxValuesPerRow', maxValuesPerRow, row.values.length, 'values in a row');
    }
    for (const value of row.values) {
      bytes += Buffer.byteLength(value.field) + Buffer.byteLength(value.value ?? '');
    }
  }
  if (bytes > maxValueBytes) throw refuseBatch('maxValueBytes', maxValueBytes, bytes, 'bytes');
}

/**
 * Imports a batch of decisions of one kind: every row validated first, each bad row reported with
 * its row number, field and reason and not written; then the good rows written in ONE transaction
 * (writer.recordBatch: a few statements for the batch, each row still whole or not at all, one
 * row that cannot be written refused alone while the others import). A decision number already
 * recorded with the same content counts as unchanged, so importing a file twice changes nothing
 * the second time. `dryRun` runs every check, the idempotency check included, and rolls back.
 *
 * Every valid row is audited as attempted before anything is written, in one record
 * (`author.beforeWrite`, naming each row's subject and decision number): if that fails, nothing
 * is written. An error of the system while writing a row is logged (`logError`) and reported as
 * that row's rejection, so the rows written are still reported (and so audited with their
 * outcome).
 */
export async function importDecisionBatch(
  writer: DecisionWriter,
  kind: DecisionKind,
  rows: readonly ImportRow[],
  author: DecisionAuthor,
  options: { dryRun: boolean; now: Date; logError: (rowNumber: number, error: unknown) => void },
): Promise<ImportBatchOutcome> {
  checkBounds(rows);
  const outcome: ImportBatchOutcome = {
    kind: kind.kind,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    writes: [],
  };
  const valid: BatchRow[] = [];
  for (const row of rows) {
    const parsed = parseDecisionValues(kind, row.values, options.now);
    if (!parsed.ok) {
      for (const problem of parsed.problems) {
        outcome.rejected.push({ rowNumber: row.rowNumber, ...problem });
      }
      continue;
    }
    valid.push({ rowNumber: row.rowNumber, values: parsed.values });
  }
  if (valid.length === 0) return finish(outcome);
  if (!options.dryRun) {
    await author.beforeWrite(valid.map((row) => intentOf(kind, row.values)));
  }
  let results: BatchRowResult[];
  try {
    results = await writer.recordBatch(kind, valid, author, options.dryRun);
  } catch (error) {
    // The batch's transaction failed as a whole (the database went away): nothing was written.
    for (const row of valid) {
      options.logError(row.rowNumber, error);
      outcome.rejected.push({ rowNumber: row.rowNumber, field: null, reason: NOT_WRITTEN });
    }
    return finish(outcome);
  }
  for (const result of results) {
    if ('write' in result) {
      if (result.write.outcome === 'UNCHANGED') outcome.unchanged += 1;
      else outcome.inserted += 1;
      if (!options.dryRun) outcome.writes.push(result.write);
    } else if ('refusal' in result) {
      for (const problem of result.refusal.problems) {
        outcome.rejected.push({ rowNumber: result.rowNumber, ...problem });
      }
    } else {
      options.logError(result.rowNumber, result.error);
      outcome.rejected.push({ rowNumber: result.rowNumber, field: null, reason: NOT_WRITTEN });
    }
  }
  return finish(outcome);
}

/** Rejections in row order (stable, so a row's problems keep their order), writes too. */
function finish(outcome: ImportBatchOutcome): ImportBatchOutcome {
  outcome.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return outcome;
}
