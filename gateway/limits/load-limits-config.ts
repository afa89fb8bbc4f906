/**
 * Loads `policy/limits.yaml`, the gateway's request limits (operation limits, cost model, rate
 * budgets, safelisted client types, audit text bounds). Strict: unknown keys, wrong types and
 * out-of-range values are errors, all reported at once with their path, so a bad edit stops the
 * gateway at start. A setting left out takes its default (DEFAULT_LIMITS_CONFIG).
 *
 * API:
 *   const config = loadLimitsConfig();                          // <repo>/policy/limits.yaml
 *   const config = parseLimitsConfig(text, 'limits.yaml');      // tests
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { CLIENT_TYPES } from '../../lib/auth/caller';
import type { ClientType } from '../../lib/auth/caller';
import { OPERATION_LIMIT_NAMES } from './limits-config';
import type { LimitsConfig, OperationLimits, RateBudget } from './limits-config';

/** The repository's file. */
export const DEFAULT_LIMITS_PATH = join(__dirname, '..', '..', 'policy', 'limits.yaml');

/** The format this loader reads (`format: 1`). */
export const LIMITS_FORMAT = 1;

/** What applies when the file leaves a setting out (the same values the file states). */
export const DEFAULT_LIMITS_CONFIG: LimitsConfig = {
  source: 'defaults',
  operation: {
    defaults: {
      maxTokens: 3000,
      maxNesting: 32,
      maxFields: 1000,
      maxFieldMergePairs: 500,
      maxRootFields: 15,
      maxDepth: 12,
      maxAliases: 30,
      maxDirectives: 20,
      maxListSize: 500,
      maxCost: 20000,
    },
    byClientType: {},
  },
  cost: { listArguments: ['ids', 'personIds', 'first', 'last', 'limit'], defaultListSize: 10 },
  rateLimits: {
    identity: { perSecond: 30, burst: 300 },
    department: { perSecond: 300, burst: 3000 },
    anonymous: { perSecond: 5, burst: 50 },
    identityByClientType: {},
    trustForwardedFor: false,
  },
  safelist: { clientTypes: ['system'] },
  text: { maxOperationNameLength: 100 },
};

/** Largest value of any limit: beyond it a "limit" is no limit (and sums could lose precision). */
const MAX_LIMIT = 10_000_000;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

type Mapping = Record<string, unknown>;

class Problems {
  private readonly list: string[] = [];
  constructor(private readonly file: string) {}

  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }

  /** A mapping holding only `keys` (undefined → empty), or null after a problem. */
  mapping(value: unknown, where: string, keys: readonly string[]): Mapping | null {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.add(where, 'must be a mapping');
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        this.add(`${where}.${key}`, `unknown key (expected one of ${keys.join(', ')})`);
      }
    }
    return value as Mapping;
  }

  /** A whole number in [min, max], or `fallback` when absent. */
  integer(value: unknown, where: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(where, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }

  /** A positive number up to `max`, or `fallback` when absent. */
  positive(value: unknown, where: string, fallback: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
      this.add(where, `must be a number above 0 and at most ${max}, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }

  boolean(value: unknown, where: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.add(where, `must be true or false, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }

  clientType(value: unknown, where: string): ClientType | undefined {
    if (typeof value === 'string' && (CLIENT_TYPES as readonly string[]).includes(value)) {
      return value as ClientType;
    }
    this.add(
      where,
      `must be a client type (${CLIENT_TYPES.join(', ')}), got ${JSON.stringify(value)}`,
    );
    return undefined;
  }

  finish(): void {
    if (this.list.length === 0) return;
    const count = `${this.list.length} problem${this.list.length === 1 ? '' : 's'}`;
    throw new Error(
      `Invalid ${this.file} (${count}):\n${this.list.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

function readOperationLimits(
  problems: Problems,
  value: unknown,
  where: string,
  fallback: OperationLimits,
): Partial<OperationLimits> {
  const mapping = problems.mapping(value, where, OPERATION_LIMIT_NAMES);
  const limits: Partial<OperationLimits> = {};
  if (!mapping) return limits;
  for (const name of OPERATION_LIMIT_NAMES) {
    if (mapping[name] === undefined) continue;
    limits[name] = problems.integer(
      mapping[name],
      `${where}.${name}`,
      fallback[name],
      1,
      MAX_LIMIT,
    );
  }
  return limits;
}

function readBudget(problems: Problems, value: unknown, where: string, fallback: RateBudget) {
  const mapping = problems.mapping(value, where, ['perSecond', 'burst']);
  if (!mapping) return fallback;
  return {
    perSecond: problems.positive(
      mapping.perSecond,
      `${where}.perSecond`,
      fallback.perSecond,
      MAX_LIMIT,
    ),
    burst: problems.integer(mapping.burst, `${where}.burst`, fallback.burst, 1, MAX_LIMIT),
  };
}

/** Reads the per-client-type mapping `value` with `read` for each entry. */
function perClientType<T>(
  problems: Problems,
  value: unknown,
  where: string,
  read: (entry: unknown, at: string) => T,
): Partial<Record<ClientType, T>> {
  const mapping = problems.mapping(value, where, CLIENT_TYPES);
  const result: Partial<Record<ClientType, T>> = {};
  if (!mapping) return result;
  for (const type of CLIENT_TYPES) {
    if (mapping[type] !== undefined) result[type] = read(mapping[type], `${where}.${type}`);
  }
  return result;
}

function readNames(problems: Problems, value: unknown, where: string, fallback: readonly string[]) {
  if (value === undefined) return fallback;
  if (
    !Array.isArray(value) ||
    !value.every((name) => typeof name === 'string' && GRAPHQL_NAME.test(name))
  ) {
    problems.add(where, 'must be a list of argument names');
    return fallback;
  }
  return [...new Set(value as string[])];
}

function readClientTypes(problems: Problems, value: unknown, where: string) {
  if (value === undefined) return DEFAULT_LIMITS_CONFIG.safelist.clientTypes;
  if (!Array.isArray(value)) {
    problems.add(where, 'must be a list of client types (may be empty)');
    return DEFAULT_LIMITS_CONFIG.safelist.clientTypes;
  }
  const types = value.map((entry, index) => problems.clientType(entry, `${where}[${index}]`));
  return [...new Set(types.filter((type): type is ClientType => type !== undefined))];
}

/** Parses the text of a limits file; throws naming every problem. */
export function parseLimitsConfig(text: string, source: string): LimitsConfig {
  const problems = new Problems(source);
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`Invalid ${source}: not YAML (${(error as Error).message})`);
  }
  const defaults = DEFAULT_LIMITS_CONFIG;
  const root = problems.mapping(document, 'limits', [
    'format',
    'operation',
    'cost',
    'rateLimits',
    'safelist',
    'text',
  ]);
  if (!root) {
    problems.finish();
    return defaults;
  }
  if (root.format !== LIMITS_FORMAT) {
    problems.add('format', `must be ${LIMITS_FORMAT}, got ${JSON.stringify(root.format)}`);
  }
  const operation =
    problems.mapping(root.operation, 'operation', ['defaults', 'clientTypes']) ?? {};
  const operationDefaults = {
    ...defaults.operation.defaults,
    ...readOperationLimits(
      problems,
      operation.defaults,
      'operation.defaults',
      defaults.operation.defaults,
    ),
  };
  const byClientType = perClientType(
    problems,
    operation.clientTypes,
    'operation.clientTypes',
    (entry, at) => readOperationLimits(problems, entry, at, operationDefaults),
  );
  const cost = problems.mapping(root.cost, 'cost', ['listArguments', 'defaultListSize']) ?? {};
  const rate =
    problems.mapping(root.rateLimits, 'rateLimits', [
      'identity',
      'department',
      'anonymous',
      'clientTypes',
      'trustForwardedFor',
    ]) ?? {};
  const identity = readBudget(
    problems,
    rate.identity,
    'rateLimits.identity',
    defaults.rateLimits.identity,
  );
  const safelist = problems.mapping(root.safelist, 'safelist', ['clientTypes']) ?? {};
  const textBounds = problems.mapping(root.text, 'text', ['maxOperationNameLength']) ?? {};
  const config: LimitsConfig = {
    source,
    operation: { defaults: operationDefaults, byClientType },
    cost: {
      listArguments: readNames(
        problems,
        cost.listArguments,
        'cost.listArguments',
        defaults.cost.listArguments,
      ),
      defaultListSize: problems.integer(
        cost.defaultListSize,
        'cost.defaultListSize',
        defaults.cost.defaultListSize,
        1,
        10_000,
      ),
    },
    rateLimits: {
      identity,
      department: readBudget(
        problems,
        rate.department,
        'rateLimits.department',
        defaults.rateLimits.department,
      ),
      anonymous: readBudget(
        problems,
        rate.anonymous,
        'rateLimits.anonymous',
        defaults.rateLimits.anonymous,
      ),
      identityByClientType: perClientType(
        problems,
        rate.clientTypes,
        'rateLimits.clientTypes',
        (entry, at) => readBudget(problems, entry, at, identity),
      ),
      trustForwardedFor: problems.boolean(
        rate.trustForwardedFor,
        'rateLimits.trustForwardedFor',
        defaults.rateLimits.trustForwardedFor,
      ),
    },
    safelist: {
      clientTypes: readClientTypes(problems, safelist.clientTypes, 'safelist.clientTypes'),
    },
    text: {
      maxOperationNameLength: problems.integer(
        textBounds.maxOperationNameLength,
        'text.maxOperationNameLength',
        defaults.text.maxOperationNameLength,
        1,
        1024,
      ),
    },
  };
  problems.finish();
  return config;
}

/** Reads and validates the limits file; default `<repo>/policy/limits.yaml`. */
export function loadLimitsConfig(options: { path?: string } = {}): LimitsConfig {
  const path = options.path ?? DEFAULT_LIMITS_PATH;
  return parseLimitsConfig(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}
