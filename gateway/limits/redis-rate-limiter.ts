import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { createMemoryRateLimiter } from './memory-rate-limiter';
import type { RateDecision, RateLimiter } from './rate-limiter';

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** `redis://host:port/db`; required. */
  url: string;
  /** Prefix of every key; default `cf:rate:`. */
  prefix?: string;
  /** Longest wait for one Redis command before the request falls back to memory; default 250 ms. */
  commandTimeoutMs?: number;
  /** How long the start waits for a first connection (then falls back until it comes); default 2000 ms. */
  connectTimeoutMs?: number;
  /** Warnings about Redis (at most one per 30 s); default console.warn. */
  warn?: (message: string) => void;
}

/**
 * Takes one token from each bucket (KEYS, with rate/burst pairs in ARGV) or from none, atomically,
 * on Redis's own clock so that every gateway process agrees. Returns {1, 0, 0} when allowed, else
 * {0, milliseconds until a token is back, 1-based index of the empty bucket}.
 */
const TAKE_SCRIPT = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local levels = {}
local wait, which = 0, 0
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
  levels[i] = tokens
  if tokens < 1 then
    local ms = math.ceil((1 - tokens) * 1000 / rate)
    if ms > wait then wait, which = ms, i end
  end
end
if which > 0 then return {0, wait, which} end
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  redis.call('HSET', key, 'tokens', tostring(levels[i] - 1), 'at', now)
  redis.call('PEXPIRE', key, math.ceil(burst * 1000 / rate) + 1000)
end
return {1, 0, 0}
`;
const TAKE_SCRIPT_SHA = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/**
 * Token buckets in Redis (REDIS_URL), shared by every gateway process, so several gateways behind
 * one address hold callers to one budget. While Redis does not answer (down, or slower than
 * `commandTimeoutMs`) each process falls back to its own memory buckets rather than refusing
 * everyone or letting everyone through, and warns; it goes back to Redis as soon as it answers.
 */
export async function createRedisRateLimiter(
  options: RedisRateLimiterOptions,
): Promise<RateLimiter> {
  const prefix = options.prefix ?? 'cf:rate:';
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const fallback = createMemoryRateLimiter();
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs ?? 250,
    maxRetriesPerRequest: 1,
    // Fail at once while disconnected instead of queueing requests behind a dead connection.
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let healthy = true;
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    healthy = false;
    warnOnce(`Redis unavailable (${error.message})`);
  });
  redis.on('ready', () => {
    healthy = true;
  });
  const warnOnce = (message: string) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    warn(`rate limits: ${message}; using this process's memory meanwhile`);
  };
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.connectTimeoutMs ?? 2000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  /** EVALSHA, loading the script on first use (and after a Redis restart forgot it). */
  const run = async (keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await redis.evalsha(TAKE_SCRIPT_SHA, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(TAKE_SCRIPT, keys.length, ...keys, ...args);
    }
  };
  return {
    kind: 'redis',
    async take(keys): Promise<RateDecision> {
      const args = keys.flatMap((key) => [String(key.budget.perSecond), String(key.budget.burst)]);
      try {
        const [allowed, wait, which] = (await run(
          keys.map((key) => prefix + key.key),
          args,
        )) as [number, number, number];
        healthy = true;
        if (allowed === 1) return { allowed: true };
        return { allowed: false, retryAfterMs: wait, kind: keys[which - 1].kind };
      } catch (error) {
        healthy = false;
        warnOnce(
          `Redis did not answer (${error instanceof Error ? error.message : String(error)})`,
        );
        return fallback.take(keys);
      }
    },
    healthy: () => healthy,
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}
