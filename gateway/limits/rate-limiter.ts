import type { RateBudget } from './limits-config';

/** One bucket a request takes a token from. */
export interface RateLimitKey {
  /** Which budget this is, for the refusal message: `identity`, `department` or `anonymous`. */
  kind: 'identity' | 'department' | 'anonymous';
  /** The bucket's key (already hashed: no client text is kept as it is). */
  key: string;
  budget: RateBudget;
}

/** Whether a request may go on, and when to retry if not. */
export type RateDecision =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; kind: RateLimitKey['kind'] };

/**
 * Token buckets shared by the requests of one gateway (memory) or of every gateway process
 * (Redis). `take` takes one token from every bucket, or from none when one is empty.
 */
export interface RateLimiter {
  readonly kind: 'memory' | 'redis';
  take(keys: readonly RateLimitKey[]): Promise<RateDecision>;
  /** Whether the shared store answered its last command (always true in memory). */
  healthy(): boolean;
  close(): Promise<void>;
}
