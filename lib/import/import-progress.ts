/** Progress of a running import, reported after every batch. */
export interface ImportProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
}
