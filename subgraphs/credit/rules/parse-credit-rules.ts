import { createHash } from 'node:crypto';
import { parseYaml } from './parse-yaml';
import { readGreenChannelRules, readListRules } from './parse-list-rules';
import { PolicyReader } from './policy-reader';
import { COLLECTED_SOURCES, CREDIT_CATEGORIES } from './types';
import type {
  Catalog,
  CreditCategory,
  CreditLevel,
  CreditRules,
  RegisterFlagRules,
  SourceStaleness,
} from './types';

/**
 * Validates the text of policy/credit-rules.yaml strictly against the catalog it scores, and
 * derives `rulesVersion` from both versions and a short sha256 over both files' content.
 */
export function parseCreditRules(
  text: string,
  catalog: Catalog,
  file = 'policy/credit-rules.yaml',
): CreditRules {
  const reader = new PolicyReader(file);
  const root = reader.mapping(parseYaml(text, file), '(root)', [
    'version',
    'base',
    'categoryPoints',
    'goodConduct',
    'levels',
    'lists',
    'greenChannel',
    'sources',
    'register',
  ]);
  const version = root ? reader.text(root, 'version', '(root)') : undefined;
  const base = root ? reader.integer(root, 'base', '(root)', { min: 0 }) : undefined;

  const categoryPoints: Partial<Record<CreditCategory, number>> = {};
  const points = root
    ? reader.mapping(root.categoryPoints, 'categoryPoints', CREDIT_CATEGORIES)
    : null;
  if (points) {
    for (const category of CREDIT_CATEGORIES) {
      const value = reader.integer(points, category, 'categoryPoints');
      if (value === undefined) continue;
      if (category === 'GOOD' && value < 0) {
        reader.fail(`categoryPoints.${category}`, `GOOD points cannot be negative, got ${value}`);
      } else if (category !== 'GOOD' && value > 0) {
        reader.fail(
          `categoryPoints.${category}`,
          `${category} points cannot be positive, got ${value}`,
        );
      }
      categoryPoints[category] = value;
    }
  }

  const goodConduct = root
    ? reader.mapping(root.goodConduct, 'goodConduct', ['capPerYear', 'capPerYearByItem'])
    : null;
  const cap = goodConduct
    ? reader.integer(goodConduct, 'capPerYear', 'goodConduct', { min: 0 })
    : undefined;
  const itemCaps = goodConduct
    ? readItemCaps(reader, goodConduct.capPerYearByItem, catalog)
    : new Map<string, number>();
  const lists = root ? readListRules(reader, root.lists) : [];
  const greenChannel = readGreenChannelRules(reader, root?.greenChannel, lists);
  const staleness = readStaleness(reader, root?.sources);
  const register = readRegisterFlags(reader, root?.register);

  const levels = root ? readLevels(reader, root.levels) : [];

  reader.finish();
  const hash = createHash('sha256')
    .update(catalog.contentSha256)
    .update('\n')
    .update(text)
    .digest('hex');
  return {
    version: version ?? '',
    rulesVersion: `${catalog.version}+${version ?? ''}.${hash.slice(0, 12)}`,
    base: base ?? 0,
    categoryPoints: categoryPoints as Record<CreditCategory, number>,
    goodConductCapPerYear: cap ?? 0,
    goodConductItemCaps: itemCaps,
    levels,
    lists,
    greenChannel,
    staleness,
    register,
    catalog,
  };
}

const HOUR_MS = 60 * 60 * 1000;
const HOUSEHOLD_STATUSES = ['ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT'] as const;
const REGISTRATION_ISSUES = [
  'DUPLICATE',
  'ERRONEOUS',
  'FALSIFIED',
  'UNREGISTERED',
  'DECEASED_NOT_CANCELLED',
] as const;

/** `sources`: the default staleness bound and one per collected source, in hours. */
function readStaleness(reader: PolicyReader, value: unknown): SourceStaleness {
  const entry = reader.mapping(value, 'sources', ['defaultStaleAfterHours', 'staleAfterHours']);
  const fallback = entry
    ? reader.integer(entry, 'defaultStaleAfterHours', 'sources', { min: 1 })
    : undefined;
  const bySource = new Map<string, number>();
  const per =
    entry && entry.staleAfterHours !== undefined
      ? reader.mapping(entry.staleAfterHours, 'sources.staleAfterHours', COLLECTED_SOURCES)
      : null;
  for (const source of Object.keys(per ?? {})) {
    const hours = reader.integer(per ?? {}, source, 'sources.staleAfterHours', { min: 1 });
    if (hours !== undefined) bySource.set(source, hours * HOUR_MS);
  }
  return { defaultMs: (fallback ?? 0) * HOUR_MS, bySource };
}

/** `register`: the household statuses and registration issues that stop credit decisions. */
function readRegisterFlags(reader: PolicyReader, value: unknown): RegisterFlagRules {
  const entry = reader.mapping(value, 'register', ['flaggedStatuses', 'flaggedIssues']);
  const values = <T extends string>(field: string, allowed: readonly T[]): T[] => {
    const list = entry ? reader.list(entry[field], `register.${field}`) : null;
    const read: T[] = [];
    (list ?? []).forEach((item, index) => {
      if (typeof item === 'string' && (allowed as readonly string[]).includes(item)) {
        read.push(item as T);
      } else {
        reader.fail(
          `register.${field}[${index}]`,
          `unknown value ${JSON.stringify(item)} (expected one of ${allowed.join(', ')})`,
        );
      }
    });
    return read;
  };
  return {
    flaggedStatuses: values('flaggedStatuses', HOUSEHOLD_STATUSES),
    flaggedIssues: values('flaggedIssues', REGISTRATION_ISSUES),
  };
}

function readLevels(reader: PolicyReader, value: unknown): CreditLevel[] {
  const list = reader.list(value, 'levels');
  if (!list) return [];
  const levels: CreditLevel[] = [];
  const codes = new Set<string>();
  list.forEach((raw, index) => {
    const where = `levels[${index}]`;
    const entry = reader.mapping(raw, where, ['code', 'name', 'minScore']);
    if (!entry) return;
    const code = reader.text(entry, 'code', where);
    const name = reader.text(entry, 'name', where);
    const last = index === list.length - 1;
    const minScore = reader.integer(entry, 'minScore', where, { optional: true }) ?? null;
    if (last && minScore !== null) {
      reader.fail(`${where}.minScore`, 'the last level takes every lower score: omit minScore');
    }
    if (!last && (entry.minScore === undefined || entry.minScore === null)) {
      reader.fail(`${where}.minScore`, 'is required on every level but the last');
    }
    const previous = levels[levels.length - 1];
    if (
      minScore !== null &&
      previous !== undefined &&
      previous.minScore !== null &&
      minScore >= previous.minScore
    ) {
      reader.fail(
        `${where}.minScore`,
        `must be below the previous level's ${previous.minScore}, got ${minScore}`,
      );
    }
    if (code !== undefined && codes.has(code))
      reader.fail(`${where}.code`, `duplicate level ${code}`);
    if (code === undefined || name === undefined) return;
    codes.add(code);
    levels.push({ code, name, minScore });
  });
  return levels;
}

/** `goodConduct.capPerYearByItem`: optional; each key a GOOD item of the catalog. */
function readItemCaps(reader: PolicyReader, value: unknown, catalog: Catalog): Map<string, number> {
  const caps = new Map<string, number>();
  if (value === undefined || value === null) return caps;
  const where = 'goodConduct.capPerYearByItem';
  const entries = reader.mapping(value, where, [...catalog.byCode.keys()]);
  if (!entries) return caps;
  for (const code of Object.keys(entries)) {
    const item = catalog.byCode.get(code);
    if (!item) continue;
    if (item.category !== 'GOOD') {
      reader.fail(`${where}.${code}`, `is a ${item.category} item: only GOOD items are capped`);
      continue;
    }
    const cap = reader.integer(entries, code, where, { min: 0 });
    if (cap !== undefined) caps.set(code, cap);
  }
  return caps;
}
