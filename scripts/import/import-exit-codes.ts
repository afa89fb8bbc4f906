/** Exit codes of `npm run import` (docs/IMPORT.md lists them for clerks and scripts). */
export const IMPORT_EXIT_CODES = {
  /** Every row imported, or already recorded (or, in a dry run, would be). */
  ok: 0,
  /** The file was imported, but some rows were rejected: see the rejects file. */
  rowsRejected: 1,
  /** Bad command line (unknown option, department or kind). */
  usage: 2,
  /** The file cannot be imported as a whole (missing, too large, no header, required column missing). */
  file: 3,
  /** The gateway refused or could not be reached; rows answered before were written, rerun is safe. */
  gateway: 4,
  /** Anything else (a bug): the message and stack go to stderr. */
  internal: 5,
} as const;
