import { createHash } from 'node:crypto';
import { parseYaml } from './parse-yaml';
import { PolicyReader } from './policy-reader';
import { CREDIT_CATEGORIES, SOURCE_DEPTS } from './types';
import type { Catalog, CatalogItem, CreditCategory } from './types';

const ITEM_FIELDS = [
  'code',
  'name',
  'category',
  'sourceDept',
  'displayMonths',
  'minDisplayMonths',
  'endsWhenPerformed',
  'points',
] as const;

/**
 * Validates the text of policy/catalog.yaml strictly: every problem (unknown field or category,
 * negative period, duplicate code, GOOD item with negative points, ...) is reported with the
 * item and field, and the first load fails rather than scoring on a broken catalog.
 */
export function parseCatalog(text: string, file = 'policy/catalog.yaml'): Catalog {
  const reader = new PolicyReader(file);
  const root = reader.mapping(parseYaml(text, file), '(root)', ['version', 'categories', 'items']);
  const version = root ? reader.text(root, 'version', '(root)') : undefined;

  const maxMonths = new Map<CreditCategory, number>();
  const categories = root ? reader.mapping(root.categories, 'categories', CREDIT_CATEGORIES) : null;
  if (categories) {
    for (const category of CREDIT_CATEGORIES) {
      const bounds = reader.mapping(categories[category], `categories.${category}`, [
        'maxDisplayMonths',
      ]);
      const max = bounds
        ? reader.integer(bounds, 'maxDisplayMonths', `categories.${category}`, { min: 1 })
        : undefined;
      if (max !== undefined) maxMonths.set(category, max);
    }
  }

  const items: CatalogItem[] = [];
  const byCode = new Map<string, CatalogItem>();
  const list = root ? reader.list(root.items, 'items') : null;
  (list ?? []).forEach((raw, index) => {
    const code =
      typeof raw === 'object' && raw !== null && 'code' in raw ? String(raw.code) : undefined;
    const where = code ? `items[${index}] (${code})` : `items[${index}]`;
    const entry = reader.mapping(raw, where, ITEM_FIELDS);
    if (!entry) return;
    const item = readItem(reader, entry, where, maxMonths);
    if (!item) return;
    if (byCode.has(item.code)) {
      reader.fail(`${where}.code`, `duplicate code ${item.code}`);
      return;
    }
    byCode.set(item.code, item);
    items.push(item);
  });

  reader.finish();
  return {
    version: version ?? '',
    items,
    byCode,
    contentSha256: createHash('sha256').update(text).digest('hex'),
  };
}

function readItem(
  reader: PolicyReader,
  entry: Record<string, unknown>,
  where: string,
  maxMonths: ReadonlyMap<CreditCategory, number>,
): CatalogItem | undefined {
  const code = reader.text(entry, 'code', where);
  if (code !== undefined && !/^[A-Z][A-Z0-9_]*$/.test(code)) {
    reader.fail(`${where}.code`, 'must be upper-case letters, digits and underscores');
  }
  const name = reader.text(entry, 'name', where);
  const category = reader.oneOf(entry, 'category', where, CREDIT_CATEGORIES);
  const sourceDept = reader.oneOf(entry, 'sourceDept', where, SOURCE_DEPTS);
  const displayMonths = reader.integer(entry, 'displayMonths', where, { min: 1 });
  const minDisplayMonths = reader.integer(entry, 'minDisplayMonths', where, { min: 0 });
  const endsWhenPerformed = reader.flag(entry, 'endsWhenPerformed', where, false);
  const points = reader.integer(entry, 'points', where, { optional: true }) ?? null;

  const max = category ? maxMonths.get(category) : undefined;
  if (displayMonths !== undefined && max !== undefined && displayMonths > max) {
    reader.fail(
      `${where}.displayMonths`,
      `${displayMonths} exceeds the ${category} maximum of ${max} months`,
    );
  }
  if (
    displayMonths !== undefined &&
    minDisplayMonths !== undefined &&
    minDisplayMonths > displayMonths
  ) {
    reader.fail(
      `${where}.minDisplayMonths`,
      `${minDisplayMonths} exceeds displayMonths ${displayMonths}`,
    );
  }
  if (points !== null && category === 'GOOD' && points < 0) {
    reader.fail(`${where}.points`, `a GOOD item cannot have negative points, got ${points}`);
  }
  if (points !== null && category !== undefined && category !== 'GOOD' && points > 0) {
    reader.fail(`${where}.points`, `a ${category} item cannot have positive points, got ${points}`);
  }
  if (
    code === undefined ||
    name === undefined ||
    category === undefined ||
    sourceDept === undefined ||
    displayMonths === undefined ||
    minDisplayMonths === undefined
  ) {
    return undefined;
  }
  return {
    code,
    name,
    category,
    sourceDept,
    displayMonths,
    minDisplayMonths,
    endsWhenPerformed,
    points,
  };
}
