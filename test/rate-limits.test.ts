/**
 * Rate limits (policy/limits.yaml `rateLimits`): per identity, per department, and per address for
 * anonymous clients; 429 with Retry-After once a budget is spent. Two gateways sharing one Redis
 * (REDIS_URL; Redis runs at 127.0.0.1:6379 on every development and CI machine) hold a caller to
 * ONE budget; in memory each gateway keeps its own.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadLimitsConfig } from '../gateway/limits/load-limits-config';
import type { LimitsConfig } from '../gateway/limits/limits-config';
import { createRedisRateLimiter } from '../gateway/limits/redis-rate-limiter';
import type { RateLimiter } from '../gateway/limits/rate-limiter';
import { startGateway } from '../gateway/start-gateway';
import type { RunningGateway } from '../gateway/start-gateway';
import type { CallerIdentity } from '../lib/auth/caller';
import { populationSubgraph } from '../subgraphs/population';
import { registerSubgraph } from '../subgraphs/kit/subgraph-module';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Small budgets that do not refill within a test: what is spent stays spent. */
function smallBudgets(): LimitsConfig {
  const defaults = loadLimitsConfig();
  const slow = (burst: number) => ({ perSecond: 0.001, burst });
  return {
    ...defaults,
    rateLimits: {
      ...defaults.rateLimits,
      identity: slow(4),
      department: slow(6),
      anonymous: slow(3),
      identityByClientType: {},
    },
  };
}

const officer = (sub: string): CallerIdentity => ({
  sub,
  clientType: 'officer',
  dept: 'TAX',
  roles: ['officer'],
});

describe('rate limits', () => {
  let system: GatewayForTest;
  const extra: RunningGateway[] = [];
  const limiters: RateLimiter[] = [];
  let redis: Redis;
  const prefix = `cf-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    // Fails the file when Redis is not there: the shared budget cannot be shown without it.
    expect(await redis.ping()).toBe('PONG');
    system = await startGatewayForTest({ modules: [registerSubgraph(populationSubgraph)] });
  });

  afterAll(async () => {
    for (const gateway of extra) await gateway.stop();
    for (const limiter of limiters) await limiter.close();
    await system?.stop();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  async function gateway(rateLimiter?: RateLimiter): Promise<RunningGateway> {
    const started = await startGateway({
      port: 0,
      playground: false,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: system.subgraphUrls,
      security: await system.security.gateway(),
      limits: smallBudgets(),
      redisUrl: '',
      rateLimiter,
    });
    extra.push(started);
    return started;
  }

  async function sharedLimiter(): Promise<RateLimiter> {
    const limiter = await createRedisRateLimiter({ url: REDIS_URL, prefix });
    limiters.push(limiter);
    return limiter;
  }

  async function ask(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  }

  it('holds one identity to one budget across two gateways sharing Redis', async () => {
    const [a, b] = [await gateway(await sharedLimiter()), await gateway(await sharedLimiter())];
    const headers = await system.security.userHeaders(officer(`shared-${prefix}`));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await ask(i % 2 ? b.url : a.url, headers)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    const refused = await ask(a.url, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Too many requests for this identity \(0\.001\/s, bursts of 4\)/,
        ),
        extensions: {
          code: 'RATE_LIMITED',
          limit: 'identity',
          retryAfterSeconds: Number(refused.retryAfter),
        },
      },
    ]);
  });

  it('holds a department to its budget, whichever of its officers asks', async () => {
    const [a, b] = [await gateway(await sharedLimiter()), await gateway(await sharedLimiter())];
    // The TAX department's budget of 6 is shared by every TAX identity on both gateways; the
    // first test already spent 4 of it.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const headers = await system.security.userHeaders(officer(`dept-${i}-${prefix}`));
      const answer = await ask(i % 2 ? b.url : a.url, headers);
      statuses.push(answer.status);
      if (answer.status === 429)
        expect(answer.body.errors?.[0]?.extensions?.limit).toBe('department');
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('gives anonymous clients a budget per address', async () => {
    const a = await gateway(await sharedLimiter());
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await ask(a.url)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('keeps a budget per gateway in memory (no Redis): two gateways, two budgets', async () => {
    const [a, b] = [await gateway(), await gateway()];
    const headers = await system.security.userHeaders({
      ...officer(`memory-${prefix}`),
      dept: 'COURT',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await ask(i % 2 ? b.url : a.url, headers)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
  });
});
