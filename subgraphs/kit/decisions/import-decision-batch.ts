import { GraphQLError } from 'graphql';
import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { IMPORT_BATCH_LIMITS } from '../../../lib/decision-kinds/import-batch-limits';
import type { DecisionWrite, DecisionWriter } from './create-decision-writer';
import { DecisionRefusal } from './decision-refusal';
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

/** What a batch did, as `ImportBatchResult`, plus every write for the audit. */
export interface ImportBatchOutcome {
  kind: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: ImportRejection[];
  writes: DecisionWrite[];
}

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
 */
export async function importDecisionBatch(
  writer: DecisionWriter,
  kind: DecisionKind,
  rows: readonly ImportRow[],
  writtenBy: string,
  options: { dryRun: boolean; now: Date },
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
        reason: `decision ${decisionNo} is also in row ${earlier}`,
      });
      continue;
    }
    seen.set(decisionNo, row.rowNumber);
    try {
      const write = await writer.recordParsed(kind, parsed.values, writtenBy, options.dryRun);
      if (write.outcome === 'UNCHANGED') outcome.unchanged += 1;
      else outcome.inserted += 1;
      if (!options.dryRun && write.outcome !== 'UNCHANGED') outcome.writes.push(write);
    } catch (error) {
      if (!(error instanceof DecisionRefusal)) throw error;
      for (const problem of error.problems) {
        outcome.rejected.push({ rowNumber: row.rowNumber, ...problem });
      }
    }
  }
  return outcome;
}
