import type { ImportEncoding } from './import-encoding';

/** What an import did (or, in a dry run, would do). */
export interface ImportSummary {
  format: 'csv' | 'xlsx';
  /** Text encoding read (CSV), and whether it was detected or set with --encoding. */
  encoding?: ImportEncoding;
  encodingSource?: 'detected' | 'option';
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows rejected: by the reader (unreadable, missing column) plus by the server. */
  rejected: number;
  rejectedByReader: number;
  /** The rejects file, when a row was rejected. */
  rejectsPath: string | null;
  /** Headers read past because nothing names them. */
  unknownHeaders: readonly string[];
  seconds: number;
}
