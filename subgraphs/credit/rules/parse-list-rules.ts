import type { PolicyReader } from './policy-reader';
import { CREDIT_CATEGORIES, CREDIT_LISTS } from './types';
import type {
  CreditCategory,
  CreditListKind,
  CreditRecordStatus,
  GreenChannelRules,
  ListRule,
} from './types';

const STATUSES: readonly CreditRecordStatus[] = ['ACTIVE', 'PERFORMED', 'REVOKED'];

/** A non-empty list of distinct values of `allowed` (problems recorded on the reader). */
function enumList<T extends string>(
  reader: PolicyReader,
  value: unknown,
  where: string,
  allowed: readonly T[],
  options: { optional?: boolean } = {},
): T[] {
  if (options.optional && (value === undefined || value === null)) return [];
  const list = reader.list(value, where);
  if (!list) return [];
  const seen = new Set<T>();
  list.forEach((entry, index) => {
    if (typeof entry === 'string' && (allowed as readonly string[]).includes(entry)) {
      if (seen.has(entry as T)) reader.fail(`${where}[${index}]`, `duplicate ${entry}`);
      seen.add(entry as T);
    } else {
      reader.fail(
        `${where}[${index}]`,
        `unknown value ${JSON.stringify(entry)} (expected one of ${allowed.join(', ')})`,
      );
    }
  });
  return [...seen];
}

/** Reads `lists` of policy/credit-rules.yaml: one rule per list, each list at most once. */
export function readListRules(reader: PolicyReader, value: unknown): ListRule[] {
  const list = reader.list(value, 'lists');
  if (!list) return [];
  const rules: ListRule[] = [];
  const kinds = new Set<CreditListKind>();
  list.forEach((raw, index) => {
    const where = `lists[${index}]`;
    const entry = reader.mapping(raw, where, [
      'list',
      'name',
      'categories',
      'statuses',
      'decidedWithinMonths',
      'unlessDisplayed',
    ]);
    if (!entry) return;
    const kind = reader.oneOf(entry, 'list', where, CREDIT_LISTS);
    const name = reader.text(entry, 'name', where);
    const categories = enumList(reader, entry.categories, `${where}.categories`, CREDIT_CATEGORIES);
    const statuses = enumList(reader, entry.statuses, `${where}.statuses`, STATUSES);
    const within = reader.integer(entry, 'decidedWithinMonths', where, { min: 1, optional: true });
    const unless = enumList<CreditCategory>(
      reader,
      entry.unlessDisplayed,
      `${where}.unlessDisplayed`,
      CREDIT_CATEGORIES,
      { optional: true },
    );
    if (kind !== undefined && kinds.has(kind)) reader.fail(`${where}.list`, `duplicate ${kind}`);
    if (kind === undefined || name === undefined) return;
    kinds.add(kind);
    rules.push({
      list: kind,
      name,
      categories,
      statuses,
      decidedWithinMonths: within ?? null,
      unlessDisplayed: unless,
    });
  });
  return rules;
}

/** Reads `greenChannel` of policy/credit-rules.yaml; `lists` are the lists defined there. */
export function readGreenChannelRules(
  reader: PolicyReader,
  value: unknown,
  lists: readonly ListRule[],
): GreenChannelRules {
  const entry = reader.mapping(value, 'greenChannel', [
    'goodCategories',
    'badCategories',
    'historyMonths',
    'excludedLists',
  ]);
  if (!entry) {
    return { goodCategories: [], badCategories: [], historyMonths: 0, excludedLists: [] };
  }
  const excludedLists = enumList(
    reader,
    entry.excludedLists,
    'greenChannel.excludedLists',
    CREDIT_LISTS,
    { optional: true },
  );
  excludedLists.forEach((kind, index) => {
    if (!lists.some((rule) => rule.list === kind)) {
      reader.fail(`greenChannel.excludedLists[${index}]`, `${kind} is not defined in lists`);
    }
  });
  return {
    goodCategories: enumList(
      reader,
      entry.goodCategories,
      'greenChannel.goodCategories',
      CREDIT_CATEGORIES,
    ),
    badCategories: enumList(
      reader,
      entry.badCategories,
      'greenChannel.badCategories',
      CREDIT_CATEGORIES,
    ),
    historyMonths: reader.integer(entry, 'historyMonths', 'greenChannel', { min: 1 }) ?? 0,
    excludedLists,
  };
}
