import { loadLimitsConfig, parseLimitsConfig, DEFAULT_LIMITS_CONFIG } from '../load-limits-config';
import { limitsForClientType } from '../limits-for-client-type';

describe('policy/limits.yaml', () => {
  it('loads, and states the same defaults the code falls back to', () => {
    const config = loadLimitsConfig();
    expect(config.operation.defaults).toEqual(DEFAULT_LIMITS_CONFIG.operation.defaults);
    expect(config.cost).toEqual(DEFAULT_LIMITS_CONFIG.cost);
    expect(config.rateLimits.identity).toEqual(DEFAULT_LIMITS_CONFIG.rateLimits.identity);
    expect(config.safelist.clientTypes).toEqual(['system']);
  });

  it('applies per-client-type overrides over the defaults', () => {
    const config = loadLimitsConfig();
    expect(limitsForClientType(config, 'public')).toMatchObject({
      operation: { maxCost: 2000, maxAliases: 5, maxNesting: 32, maxListSize: 100 },
      identity: config.rateLimits.identity,
      safelisted: false,
    });
    expect(limitsForClientType(config, 'system')).toMatchObject({
      operation: { maxCost: 30000, maxDepth: 12 },
      identity: { perSecond: 100, burst: 1000 },
      safelisted: true,
    });
  });
});

describe('parseLimitsConfig', () => {
  it('takes the defaults for everything left out', () => {
    expect(parseLimitsConfig('format: 1\n', 'x.yaml')).toEqual({
      ...DEFAULT_LIMITS_CONFIG,
      source: 'x.yaml',
    });
  });

  it('reports every problem at once, with its path', () => {
    const text = `format: 1
operation:
  defaults: { maxDepth: 0, maxCots: 5 }
  clientTypes: { robot: { maxCost: 1 } }
rateLimits:
  identity: { perSecond: -1, burst: 2.5 }
safelist:
  clientTypes: [system, martian]
`;
    expect(() => parseLimitsConfig(text, 'x.yaml')).toThrow(
      [
        'Invalid x.yaml (6 problems):',
        '  - operation.defaults.maxCots: unknown key (expected one of maxTokens, maxNesting, maxFields, maxFieldMergePairs, maxRootFields, maxDepth, maxAliases, maxDirectives, maxListSize, maxCost)',
        '  - operation.defaults.maxDepth: must be a whole number from 1 to 10000000, got 0',
        '  - operation.clientTypes.robot: unknown key (expected one of officer, system, citizen, org, auditor, developer, public)',
        '  - rateLimits.identity.perSecond: must be a number above 0 and at most 10000000, got -1',
        '  - rateLimits.identity.burst: must be a whole number from 1 to 10000000, got 2.5',
        '  - safelist.clientTypes[1]: must be a client type (officer, system, citizen, org, auditor, developer, public), got "martian"',
      ].join('\n'),
    );
  });
});
