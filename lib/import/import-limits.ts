/**
 * What one `npm run import` accepts, checked as the file is read: beyond a bound the import stops
 * (file-level) or the row is rejected (row-level), each with a message naming the bound.
 */
export const IMPORT_LIMITS = {
  /** Largest input file, in bytes (a 100,000-row 双公示 penalty export is about 60 MB as CSV). */
  maxFileBytes: 512 * 1024 * 1024,
  /** Data rows per file (the header row not counted). */
  maxRows: 1_000_000,
  /** Columns of the header row. */
  maxColumns: 200,
  /** Characters of one row, all its cells together (longer rows are rejected, not truncated). */
  maxRowChars: 64 * 1024,
  /** Characters of one header cell. */
  maxHeaderChars: 100,
  /** Rows per batch sent to the gateway: default, and the most the server takes. */
  defaultBatchRows: 200,
  maxBatchRows: 500,
  /** UTF-8 bytes of a batch's values: kept below the server's 512 KiB and the gateway's 1 MiB body. */
  maxBatchValueBytes: 384 * 1024,
} as const;
