/**
 * Remembers which internal context tokens a service has accepted, by token id (`jti`), until they
 * expire, so that each is accepted once: a token copied off the wire cannot be sent again. Kept
 * apart from how tokens are signed (any scheme that carries an id and an expiry can use it).
 *
 *   const guard = createMemoryReplayGuard();                  // or createRedisReplayGuard({ url })
 *   const verdict = await guard.accept('tax', jti, expiresAtMs);  // 'first' | 'replayed' | 'full'
 */
export type ReplayVerdict =
  /** Not seen before: remembered until it expires. */
  | 'first'
  /** Seen before: refuse the request. */
  | 'replayed'
  /** Too many live tokens to remember another: refuse (fail closed) and retry later. */
  | 'full';

/** One service's memory of the tokens it accepted. */
export interface ReplayGuard {
  /**
   * Whether token `id` of `scope` (the audience) is used for the first time; it is remembered
   * until `expiresAtMs` (epoch milliseconds, the clock tolerance included).
   */
  accept(scope: string, id: string, expiresAtMs: number): Promise<ReplayVerdict>;
  close(): Promise<void>;
}
