import { createHash } from 'node:crypto';
import { parseYaml } from './parse-yaml';
import { parseDisclosureItems } from './parse-disclosure-items';
import { PolicyReader } from './policy-reader';
import { CREDIT_CATEGORIES, REPAIR_ROUTES, SOURCE_DEPTS } from './types';
import type { Catalog, CatalogItem, CategoryBounds, CreditCategory } from './types';

const ITEM_FIELDS = [
  'code',
  'name',
  'category',
  'sourceDept',
  'minDisplayMonths',
  'maxDisplayMonths',
  'repair',
  'endsWhenPerformed',
  'displayWhileOutstanding',
  'publicationMonths',
  'points',
  'legalBasis',
] as const;

const CATEGORY_FIELDS = [
  'minDisplayMonths',
  'maxDisplayMonths',
  'maxPublicationMonths',
  'legalBasis',
] as const;

/**
 * Validates the text of policy/catalog.yaml strictly: every problem (unknown field or category,
 * a period outside its category's national bounds, a minimum above the maximum, a duplicate code,
 * a GOOD item with negative points or a repair route, a published minor item beyond its bound,
 * ...) is reported with the item and field, and the first load fails rather than scoring on a
 * broken catalog. The bounds of each category are data too, each with its legal source.
 */
export function parseCatalog(text: string, file = 'policy/catalog.yaml'): Catalog {
  const reader = new PolicyReader(file);
  const root = reader.mapping(parseYaml(text, file), '(root)', [
    'version',
    'categories',
    'items',
    'disclosureItems',
  ]);
  const version = root ? reader.text(root, 'version', '(root)') : undefined;

  const bounds = new Map<CreditCategory, CategoryBounds>();
  const categories = root ? reader.mapping(root.categories, 'categories', CREDIT_CATEGORIES) : null;
  if (categories) {
    for (const category of CREDIT_CATEGORIES) {
      const read = readBounds(reader, categories[category], `categories.${category}`);
      if (read) bounds.set(category, read);
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
    const item = readItem(reader, entry, where, bounds);
    if (!item) return;
    if (byCode.has(item.code)) {
      reader.fail(`${where}.code`, `duplicate code ${item.code}`);
      return;
    }
    byCode.set(item.code, item);
    items.push(item);
  });

  const disclosureItems = parseDisclosureItems(
    reader,
    root?.disclosureItems,
    new Set(byCode.keys()),
  );

  reader.finish();
  return {
    version: version ?? '',
    categories: Object.fromEntries(bounds) as Record<CreditCategory, CategoryBounds>,
    items,
    byCode,
    disclosureItems,
    contentSha256: createHash('sha256').update(text).digest('hex'),
  };
}

function readBounds(reader: PolicyReader, raw: unknown, where: string): CategoryBounds | undefined {
  const entry = reader.mapping(raw, where, CATEGORY_FIELDS);
  if (!entry) return undefined;
  const min = reader.integer(entry, 'minDisplayMonths', where, { min: 0 });
  const max = reader.integer(entry, 'maxDisplayMonths', where, { min: 1 });
  const publication =
    reader.integer(entry, 'maxPublicationMonths', where, { min: 1, optional: true }) ?? null;
  const legalBasis = reader.text(entry, 'legalBasis', where);
  if (min !== undefined && max !== undefined && min > max) {
    reader.fail(`${where}.minDisplayMonths`, `${min} exceeds maxDisplayMonths ${max}`);
  }
  if (min === undefined || max === undefined || legalBasis === undefined) return undefined;
  return {
    minDisplayMonths: min,
    maxDisplayMonths: max,
    maxPublicationMonths: publication,
    legalBasis,
  };
}

/** Checks the item's periods against its category's national bounds, naming the source. */
function checkBounds(
  reader: PolicyReader,
  where: string,
  category: CreditCategory,
  bound: CategoryBounds,
  periods: { min?: number; max?: number; publication: number | null },
): void {
  const source = `(categories.${category}: ${bound.legalBasis})`;
  if (periods.min !== undefined && periods.min < bound.minDisplayMonths) {
    reader.fail(
      `${where}.minDisplayMonths`,
      `${periods.min} is below the ${category} minimum of ${bound.minDisplayMonths} months ${source}`,
    );
  }
  if (periods.max !== undefined && periods.max > bound.maxDisplayMonths) {
    reader.fail(
      `${where}.maxDisplayMonths`,
      `${periods.max} exceeds the ${category} maximum of ${bound.maxDisplayMonths} months ${source}`,
    );
  }
  if (periods.publication !== null) {
    if (bound.maxPublicationMonths === null) {
      reader.fail(
        `${where}.publicationMonths`,
        `${category} decisions are not published ${source}`,
      );
    } else if (periods.publication > bound.maxPublicationMonths) {
      reader.fail(
        `${where}.publicationMonths`,
        `${periods.publication} exceeds the ${category} maximum of ` +
          `${bound.maxPublicationMonths} months ${source}`,
      );
    }
  }
}

function readItem(
  reader: PolicyReader,
  entry: Record<string, unknown>,
  where: string,
  bounds: ReadonlyMap<CreditCategory, CategoryBounds>,
): CatalogItem | undefined {
  const code = reader.text(entry, 'code', where);
  if (code !== undefined && !/^[A-Z][A-Z0-9_]*$/.test(code)) {
    reader.fail(`${where}.code`, 'must be upper-case letters, digits and underscores');
  }
  const name = reader.text(entry, 'name', where);
  const category = reader.oneOf(entry, 'category', where, CREDIT_CATEGORIES);
  const sourceDept = reader.oneOf(entry, 'sourceDept', where, SOURCE_DEPTS);
  const minDisplayMonths = reader.integer(entry, 'minDisplayMonths', where, { min: 0 });
  const maxDisplayMonths = reader.integer(entry, 'maxDisplayMonths', where, { min: 1 });
  const repair = reader.oneOf(entry, 'repair', where, REPAIR_ROUTES);
  const endsWhenPerformed = reader.flag(entry, 'endsWhenPerformed', where, false);
  const displayWhileOutstanding = reader.flag(entry, 'displayWhileOutstanding', where, false);
  const publicationMonths =
    reader.integer(entry, 'publicationMonths', where, { min: 1, optional: true }) ?? null;
  const points = reader.integer(entry, 'points', where, { optional: true }) ?? null;
  const legalBasis = reader.text(entry, 'legalBasis', where);

  const bound = category ? bounds.get(category) : undefined;
  if (category && bound) {
    checkBounds(reader, where, category, bound, {
      min: minDisplayMonths,
      max: maxDisplayMonths,
      publication: publicationMonths,
    });
  }
  if (
    minDisplayMonths !== undefined &&
    maxDisplayMonths !== undefined &&
    minDisplayMonths > maxDisplayMonths
  ) {
    reader.fail(
      `${where}.minDisplayMonths`,
      `${minDisplayMonths} exceeds maxDisplayMonths ${maxDisplayMonths}`,
    );
  }
  const good = category === 'GOOD';
  if (category !== undefined && repair !== undefined && good !== (repair === 'NONE')) {
    reader.fail(
      `${where}.repair`,
      good
        ? `a GOOD item has nothing to repair: NONE, got ${repair}`
        : `a ${category} item ends by CREDIT_PLATFORM repair or SOURCE_DECISION, not NONE`,
    );
  }
  if (good && displayWhileOutstanding) {
    reader.fail(`${where}.displayWhileOutstanding`, 'a GOOD item has no obligation outstanding');
  }
  if (points !== null && good && points < 0) {
    reader.fail(`${where}.points`, `a GOOD item cannot have negative points, got ${points}`);
  }
  if (points !== null && category !== undefined && !good && points > 0) {
    reader.fail(`${where}.points`, `a ${category} item cannot have positive points, got ${points}`);
  }
  if (
    code === undefined ||
    name === undefined ||
    category === undefined ||
    sourceDept === undefined ||
    minDisplayMonths === undefined ||
    maxDisplayMonths === undefined ||
    repair === undefined ||
    legalBasis === undefined
  ) {
    return undefined;
  }
  return {
    code,
    name,
    category,
    sourceDept,
    minDisplayMonths,
    maxDisplayMonths,
    repair,
    endsWhenPerformed,
    displayWhileOutstanding,
    publicationMonths,
    points,
    legalBasis,
  };
}
