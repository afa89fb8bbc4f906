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
 * listed too (stale, with no times), because a missing source must show on every profile. Each
 * source is judged with its own bound (`staleAfterMs(dept)`), and a failed latest attempt makes
 * it stale at once.
 */
export function sourceCollections(
  depts: readonly string[],
  states: readonly SourceStateInput[],
  now: Date,
  staleAfterMs: (dept: string) => number,
): SourceCollectionView[] {
  const byDept = new Map(states.map((state) => [state.source, state]));
  return depts.map((dept) => {
    const state = byDept.get(dept);
    const outcome = {
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: state?.lastError ?? null,
    };
    return {
      dept,
      lastSuccessAt: outcome.lastSuccessAt?.toISOString() ?? null,
      lastAttemptAt: state?.lastAttemptAt?.toISOString() ?? null,
      stale: isStale(outcome, now, staleAfterMs(dept)),
      lastError: outcome.lastError,
    };
  });
}
