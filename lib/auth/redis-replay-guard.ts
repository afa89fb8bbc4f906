import { Redis } from 'ioredis';
import { createMemoryReplayGuard } from './memory-replay-guard';
import type { ReplayGuard } from './replay-guard';

/** Options of {@link createRedisReplayGuard}. */
export interface RedisReplayGuardOptions {
  /** `redis://host:port/db`; required. */
  url: string;
  /** Prefix of every key; default `cf:jti:`. */
  prefix?: string;
  /** Longest wait for Redis before falling back to this process's memory; default 250 ms. */
  commandTimeoutMs?: number;
  /** Warnings (at most one per 30 s); default console.warn. */
  warn?: (message: string) => void;
}

/**
 * The replay guard in Redis (REDIS_URL): one `SET NX` per token, expiring with the token, so every
 * instance of a service behind one name refuses a token another instance accepted. While Redis
 * does not answer, each process guards with its own memory (a replay across instances is then
 * possible for that time; a replay to the same instance is not).
 */
export function createRedisReplayGuard(options: RedisReplayGuardOptions): ReplayGuard {
  const prefix = options.prefix ?? 'cf:jti:';
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const fallback = createMemoryReplayGuard();
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs ?? 250,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastWarning = 0;
  const warnOnce = (message: string) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    warn(`replay guard: ${message}; using this process's memory meanwhile`);
  };
  redis.on('error', (error: Error) => warnOnce(`Redis unavailable (${error.message})`));
  return {
    async accept(scope, id, expiresAtMs) {
      try {
        const ttl = Math.max(1, Math.ceil(expiresAtMs - Date.now()));
        const stored = await redis.set(`${prefix}${scope}:${id}`, '1', 'PX', ttl, 'NX');
        return stored === 'OK' ? 'first' : 'replayed';
      } catch (error) {
        warnOnce(
          `Redis did not answer (${error instanceof Error ? error.message : String(error)})`,
        );
        return fallback.accept(scope, id, expiresAtMs);
      }
    },
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}
