import { loadLimitsConfig } from '../../gateway/limits/load-limits-config';
import type { LimitsConfig } from '../../gateway/limits/limits-config';

/**
 * The default request limits with rate budgets one benchmark client cannot exhaust: a benchmark
 * sends far more than 30 requests a second from one identity, which the defaults refuse (as they
 * should for a real officer). Every other limit stays as configured.
 */
export function benchLimits(): LimitsConfig {
  const defaults = loadLimitsConfig();
  const unthrottled = { perSecond: 1_000_000, burst: 1_000_000 };
  return {
    ...defaults,
    rateLimits: {
      ...defaults.rateLimits,
      identity: unthrottled,
      department: unthrottled,
      identityByClientType: {},
    },
  };
}
