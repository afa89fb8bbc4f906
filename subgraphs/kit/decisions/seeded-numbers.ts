import type { Queryable } from '../db/database';

/**
 * Which of `decisionNos` a department table holds (its `decision_no` column), in one statement:
 * the set-wise form of a projection's `findUnrecorded` for a batch import. `table` is a constant
 * of the department's code (schema.table), never client text.
 */
export async function numbersInTable(
  q: Queryable,
  table: string,
  decisionNos: readonly string[],
): Promise<ReadonlySet<string>> {
  const rows = await q.query<{ decisionNo: string }>(
    `SELECT DISTINCT decision_no AS "decisionNo" FROM ${table} WHERE decision_no = ANY($1::text[])`,
    [decisionNos],
  );
  return new Set(rows.map((row) => row.decisionNo));
}
