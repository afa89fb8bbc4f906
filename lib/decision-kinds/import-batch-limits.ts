/**
 * Bounds of one `<subgraph>Import` batch, checked before any row is looked at: a batch beyond
 * either is refused whole with BAD_USER_INPUT naming the limit. The HTTP body limit of the gateway
 * (1 MiB) applies as well, so a client splits a file into batches of at most `maxRows` rows whose
 * request stays under it.
 */
export const IMPORT_BATCH_LIMITS = {
  /** Rows per batch. */
  maxRows: 500,
  /** UTF-8 bytes of all values of the batch together. */
  maxValueBytes: 512 * 1024,
  /** Values per row (a kind has at most a dozen fields; unknown fields are rejected by name). */
  maxValuesPerRow: 32,
} as const;
