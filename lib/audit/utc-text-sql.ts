/**
 * SQL for the text form of a timestamptz that the audit chain hashes and cursors carry: UTC with
 * microseconds, e.g. `2026-11-29T23:39:29.336000Z` (chain-hash.ts toRecordedAt). One definition,
 * so the store, the search and the read side can never drift apart.
 */
export function utcTextSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
