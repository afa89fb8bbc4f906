import type { Queryable } from './database';

/** Rows per bulk statement: large enough for few statements, small enough for one JSON parameter. */
export const INSERT_BATCH_ROWS = 2000;

/** Calls `write` with consecutive slices of `items` of at most `size`, one after another. */
export async function inBatches<T>(
  items: readonly T[],
  write: (batch: readonly T[]) => Promise<unknown>,
  size: number = INSERT_BATCH_ROWS,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await write(items.slice(start, start + size));
  }
}

/**
 * Inserts `rows` with `sql`, whose `$1` is a JSON array read by `jsonb_to_recordset($1::jsonb)`:
 * one statement per {@link INSERT_BATCH_ROWS} rows.
 */
export function insertJsonRows(db: Queryable, rows: readonly object[], sql: string): Promise<void> {
  return inBatches(rows, (batch) => db.query(sql, [JSON.stringify(batch)]));
}
