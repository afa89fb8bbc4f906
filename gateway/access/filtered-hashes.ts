/** The plan cache keys of filtered documents already printed (filter-operation.ts). */
export interface FilteredHashes {
  /** The hash remembered under `key`, or `compute()`'s, remembered from now on. */
  get(key: string, compute: () => string): string;
  /** How many are remembered. */
  readonly size: number;
}

/**
 * Remembers up to `maxEntries` (default 1,000) hashes, the least recently used forgotten first:
 * one per distinct filtered document (a client text, and what the policy removed from it for the
 * callers who sent it), so repeated requests print nothing.
 */
export function createFilteredHashes(maxEntries = 1000): FilteredHashes {
  const hashes = new Map<string, string>();
  return {
    get(key, compute) {
      const known = hashes.get(key);
      if (known !== undefined) {
        // Map keeps insertion order: re-inserting makes it the most recently used.
        hashes.delete(key);
        hashes.set(key, known);
        return known;
      }
      const hash = compute();
      hashes.set(key, hash);
      if (hashes.size > maxEntries) hashes.delete(hashes.keys().next().value as string);
      return hash;
    },
    get size() {
      return hashes.size;
    },
  };
}
