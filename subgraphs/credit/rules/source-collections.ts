import { isStale } from './is-stale';

/** What the store knows about one source's collection. */
export interface SourceStateInput {
  source: string;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
}

/** How current one department's data on the credit platform is (`SourceCollection`). */
export interface SourceCollectionView {
  dept: string;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  stale: boolean;
  lastError: string | null;
}

/**
 * The collection status of every expected source in `depts` order: a source never collected is
 * listed too (stale, with no times), because a missing source must show on every profile.
 */
export function sourceCollections(
  depts: readonly string[],
  states: readonly SourceStateInput[],
  now: Date,
  staleAfterMs: number,
): SourceCollectionView[] {
  const byDept = new Map(states.map((state) => [state.source, state]));
  return depts.map((dept) => {
    const state = byDept.get(dept);
    return {
      dept,
      lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
      lastAttemptAt: state?.lastAttemptAt?.toISOString() ?? null,
      stale: isStale(state?.lastSuccessAt ?? null, now, staleAfterMs),
      lastError: state?.lastError ?? null,
    };
  });
}
