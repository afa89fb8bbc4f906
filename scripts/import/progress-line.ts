import type { ImportProgress } from '../../lib/import/import-progress';

const BAR_WIDTH = 24;

/**
 * One line of progress for stderr: a bar of the file read, rows, rows per second and the outcome
 * counts so far, e.g. `[##########--------------]  42% 42,000 rows 3,512 rows/s  new 41,990 ...`.
 */
export function progressLine(progress: ImportProgress): string {
  const fraction =
    progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = progress.seconds > 0 ? Math.round(progress.rows / progress.seconds) : 0;
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ` +
    `${n(progress.rows)} rows ${n(rate)} rows/s  new ${n(progress.inserted)} unchanged ${n(progress.unchanged)} ` +
    `rejected ${n(progress.rejected)}`
  );
}
