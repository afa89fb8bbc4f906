/**
 * Export of audit entries as JSON Lines (`npm run audit -- export`): one entry per line with every
 * chained column (`writer, seq, prevHash, hash, recordedAt, kind, requestId, payload`), so an
 * exported chain can be re-hashed off the system with chain-hash.ts.
 *
 * API:
 *   const count = await exportAuditEntries(db, { from: '2025-01-01', to: '2025-03-31' },
 *     (line) => stream.write(line), { onProgress: (n) => console.error(`${n} entries`) });
 */
import type { Queryable } from '../db/database';
import { searchAuditEntries } from './search';
import type { AuditSearchFilter } from './search';

/** Options of {@link exportAuditEntries}. */
export interface ExportEntriesOptions {
  /** The audit HMAC key, for a `subject` or citizen `user` filter; default none. */
  hmacKey?: Buffer;
  /** Entries per page (and per progress call); default 5,000. */
  pageSize?: number;
  /** Called after each page with the number exported so far; default none. */
  onProgress?: (exported: number) => void;
}

/**
 * Writes every entry matching `filter`, oldest first, as one JSON line each (ending in `\n`);
 * `write` may return a promise to apply backpressure. Returns the number of entries.
 */
export async function exportAuditEntries(
  db: Queryable,
  filter: AuditSearchFilter,
  write: (line: string) => void | Promise<void>,
  options: ExportEntriesOptions = {},
): Promise<number> {
  let exported = 0;
  let after: string | undefined;
  for (;;) {
    const page = await searchAuditEntries(db, filter, {
      hmacKey: options.hmacKey,
      first: options.pageSize ?? 5000,
      after,
    });
    for (const entry of page.entries) {
      const { writer, seq, prevHash, hash, recordedAt, kind, requestId, payload } = entry;
      await write(
        `${JSON.stringify({ writer, seq, prevHash, hash, recordedAt, kind, requestId, payload })}\n`,
      );
    }
    exported += page.entries.length;
    options.onProgress?.(exported);
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return exported;
    after = page.pageInfo.endCursor;
  }
}
