import type { ReplayGuard } from './replay-guard';

/** Options of {@link createMemoryReplayGuard}. */
export interface MemoryReplayGuardOptions {
  /**
   * Most live token ids remembered (about 150 bytes each); default 200,000: with tokens living
   * 60 s plus 10 s of clock tolerance, about 2,800 fetches per second to one process.
   */
  maxEntries?: number;
  /** Clock in epoch milliseconds; default Date.now. */
  now?: () => number;
}

/**
 * The replay guard of one process (the embedded default, and any service without Redis). Memory
 * is bounded: expired ids are dropped as new ones arrive, and when `maxEntries` live ids are
 * already held the token is refused (`full`) rather than accepted unremembered.
 */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? 200_000;
  const now = options.now ?? Date.now;
  // Insertion order is (nearly) expiry order: every token gets the same lifetime.
  const seen = new Map<string, number>();
  const dropExpired = (at: number) => {
    for (const [key, expiresAt] of seen) {
      if (expiresAt > at) break;
      seen.delete(key);
    }
  };
  return {
    async accept(scope, id, expiresAtMs) {
      const at = now();
      dropExpired(at);
      const key = `${scope}\u0000${id}`;
      const known = seen.get(key);
      if (known !== undefined && known > at) return 'replayed';
      if (seen.size >= maxEntries) {
        // An expired entry stuck behind a longer-lived one; look once more through all of them.
        for (const [other, expiresAt] of seen) if (expiresAt <= at) seen.delete(other);
        if (seen.size >= maxEntries) return 'full';
      }
      seen.set(key, expiresAtMs);
      return 'first';
    },
    async close() {
      seen.clear();
    },
  };
}
