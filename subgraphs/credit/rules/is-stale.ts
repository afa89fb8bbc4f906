/**
 * Whether a source's collected data is stale at `now`: never collected successfully, or not
 * within `staleAfterMs`. Unknown is not clean, so stale sources are reported on every profile.
 */
export function isStale(lastSuccessAt: Date | null, now: Date, staleAfterMs: number): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() > staleAfterMs;
}
