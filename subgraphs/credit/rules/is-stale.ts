/** What staleness is judged from: a source's last success and the outcome of its last attempt. */
export interface CollectionOutcome {
  lastSuccessAt: Date | null;
  /** Why the latest attempt failed; null when it succeeded (or none was made). */
  lastError: string | null;
}

/**
 * Whether a source's collected data is stale at `now`: never collected successfully, its latest
 * collection attempt failed (a department that is down is unknown at once, not a day later), or
 * no success within `staleAfterMs` (the source's bound in policy/credit-rules.yaml `sources`).
 * Unknown is not clean, so stale sources are reported on every profile.
 */
export function isStale(outcome: CollectionOutcome, now: Date, staleAfterMs: number): boolean {
  if (outcome.lastSuccessAt === null || outcome.lastError !== null) return true;
  return now.getTime() - outcome.lastSuccessAt.getTime() > staleAfterMs;
}
