import { createMemoryRateLimiter } from '../memory-rate-limiter';
import type { RateLimitKey } from '../rate-limiter';

const identity: RateLimitKey = {
  kind: 'identity',
  key: 'id:a',
  budget: { perSecond: 2, burst: 3 },
};
const department: RateLimitKey = {
  kind: 'department',
  key: 'dept:TAX',
  budget: { perSecond: 10, burst: 4 },
};

describe('createMemoryRateLimiter', () => {
  it('allows a burst, then refuses with the time until the next token', async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ now: () => now });
    for (let i = 0; i < 3; i += 1)
      expect(await limiter.take([identity])).toEqual({ allowed: true });
    expect(await limiter.take([identity])).toEqual({
      allowed: false,
      retryAfterMs: 500,
      kind: 'identity',
    });
    now = 499;
    expect((await limiter.take([identity])).allowed).toBe(false);
    now = 500;
    expect(await limiter.take([identity])).toEqual({ allowed: true });
  });

  it('takes from every bucket or from none, naming the empty one', async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ now: () => now });
    const other: RateLimitKey = { ...identity, key: 'id:b' };
    // Two identities of one department: the department's burst of 4 runs out first.
    expect((await limiter.take([identity, department])).allowed).toBe(true);
    expect((await limiter.take([identity, department])).allowed).toBe(true);
    expect((await limiter.take([other, department])).allowed).toBe(true);
    expect((await limiter.take([other, department])).allowed).toBe(true);
    expect(await limiter.take([other, department])).toEqual({
      allowed: false,
      retryAfterMs: 100,
      kind: 'department',
    });
    // The refused request took nothing from `other`: one token left there once the dept refills.
    now = 100;
    expect((await limiter.take([other, department])).allowed).toBe(true);
    expect((await limiter.take([other])).allowed).toBe(false);
  });

  it('keeps at most maxBuckets buckets (a dropped one starts full again)', async () => {
    const limiter = createMemoryRateLimiter({ now: () => 0, maxBuckets: 2 });
    const key = (name: string): RateLimitKey => ({
      ...identity,
      key: name,
      budget: { perSecond: 1, burst: 1 },
    });
    expect((await limiter.take([key('a')])).allowed).toBe(true);
    expect((await limiter.take([key('a')])).allowed).toBe(false);
    await limiter.take([key('b')]);
    await limiter.take([key('c')]);
    // `a` was the least recently used and is forgotten.
    expect((await limiter.take([key('a')])).allowed).toBe(true);
  });
});
