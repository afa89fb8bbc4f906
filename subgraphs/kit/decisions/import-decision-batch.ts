import { GraphQLError } from 'graphql';
import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { IMPORT_BATCH_LIMITS } from '../../../lib/decision-kinds/import-batch-limits';
import { intentOf } from './create-decision-writer';
import type { DecisionAuthor, DecisionWrite, DecisionWriter } from './create-decision-writer';
import { DecisionRefusal } from './decision-refusal';
import type { DecisionValues } from './decision-values';
import { parseDecisionValues } from './parse-decision-values';
import type { RawValue } from './parse-decision-values';

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
 * Imports a batch of decisions of one kind: each good row in its own transaction (so one bad row
 * never undoes the others), each bad row reported with its row number, field and reason and not
 * written. A decision number already recorded with the same content counts as unchanged, so
 * importing a file twice changes nothing the second time. `dryRun` runs every check, the
 * idempotency check included, and rolls every row back.
 *
 * Every valid row is audited as attempted before the first is written, in one record
 * (`author.beforeWrite`): if that fails, nothing is written. An error of the system while writing
 * a row is logged (`logError`) and reported as that row's rejection, so the rows written are
 * still reported (and so audited with their outcome).
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
  const valid: { rowNumber: number; values: DecisionValues }[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseDecisionValues(kind, row.values, options.now);
    if (!parsed.ok) {
      for (const problem of parsed.problems) {
        outcome.rejected.push({ rowNumber: row.rowNumber, ...problem });
      }
      continue;
    }
    const decisionNo = parsed.values[kind.decisionNoField] ?? '';
    const earlier = seen.get(decisionNo);
    if (options.dryRun && earlier !== undefined) {
      // Rows of a dry run are rolled back, so a repeated number must be caught here.
      outcome.rejected.push({
        rowNumber: row.rowNumber,
        field: kind.decisionNoField,
        reason: `the same decision number is also in row ${earlier}`,
      });
      continue;
    }
    seen.set(decisionNo, row.rowNumber);
    valid.push({ rowNumber: row.rowNumber, values: parsed.values });
  }
  if (!options.dryRun && valid.length > 0) {
    await author.beforeWrite(valid.map((row) => intentOf(kind, row.values)));
  }
  for (const row of valid) {
    try {
      const write = await writer.recordParsed(kind, row.values, author, options.dryRun);
      if (write.outcome === 'UNCHANGED') outcome.unchanged += 1;
      else outcome.inserted += 1;
      if (!options.dryRun) outcome.writes.push(write);
    } catch (error) {
      if (error instanceof DecisionRefusal) {
        for (const problem of error.problems) {
          outcome.rejected.push({ rowNumber: row.rowNumber, ...problem });
        }
        continue;
      }
      options.logError(row.rowNumber, error);
      outcome.rejected.push({ rowNumber: row.rowNumber, field: null, reason: NOT_WRITTEN });
    }
  }
  // Rows refused when written come after those refused when read: back in row order (stable, so
  // a row's problems keep their order).
  outcome.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return outcome;
}
