import type { RateDecision, RateLimiter, RateLimitKey } from './rate-limiter';

/** Options of {@link createMemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Most buckets kept; the least recently used is dropped beyond it. Default 100,000. */
  maxBuckets?: number;
  /** The clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory (the embedded default, and the fallback while Redis does
 * not answer). At most `maxBuckets` buckets (about 100 bytes each): a dropped bucket starts full
 * again, which only ever favours the client it belonged to.
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const maxBuckets = options.maxBuckets ?? 100_000;
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, Bucket>();

  const level = (key: RateLimitKey, at: number): number => {
    const bucket = buckets.get(key.key);
    if (!bucket) return key.budget.burst;
    const refilled = bucket.tokens + ((at - bucket.at) / 1000) * key.budget.perSecond;
    return Math.min(key.budget.burst, refilled);
  };

  return {
    kind: 'memory',
    async take(keys): Promise<RateDecision> {
      const at = now();
      const levels = keys.map((key) => level(key, at));
      let refusal: RateDecision | undefined;
      keys.forEach((key, index) => {
        if (levels[index] >= 1) return;
        const retryAfterMs = ((1 - levels[index]) / key.budget.perSecond) * 1000;
        if (refusal?.allowed !== false || retryAfterMs > refusal.retryAfterMs) {
          refusal = { allowed: false, retryAfterMs, kind: key.kind };
        }
      });
      if (refusal) return refusal;
      keys.forEach((key, index) => {
        // Re-inserted, so the map's order is least recently used first.
        buckets.delete(key.key);
        buckets.set(key.key, { tokens: levels[index] - 1, at });
      });
      while (buckets.size > maxBuckets) {
        const oldest = buckets.keys().next().value as string;
        buckets.delete(oldest);
      }
      return { allowed: true };
    },
    healthy: () => true,
    async close() {
      buckets.clear();
    },
  };
}
