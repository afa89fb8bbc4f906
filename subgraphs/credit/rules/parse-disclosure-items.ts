import type { PolicyReader } from './policy-reader';
import { DISCLOSURE_KINDS, SOURCE_DEPTS } from './types';
import type { DisclosureItem } from './types';

const FIELDS = ['code', 'name', 'sourceDept', 'kind'] as const;

/**
 * Reads the `disclosureItems` of policy/catalog.yaml: the kinds of licensing and penalty decision
 * a disclosure feed may name, each with the public title. Codes are checked unique against the
 * credit items too (`taken`), so one code never means two things.
 */
export function parseDisclosureItems(
  reader: PolicyReader,
  value: unknown,
  taken: ReadonlySet<string>,
): Map<string, DisclosureItem> {
  const items = new Map<string, DisclosureItem>();
  if (value === undefined) return items;
  (reader.list(value, 'disclosureItems') ?? []).forEach((raw, index) => {
    const code =
      typeof raw === 'object' && raw !== null && 'code' in raw ? String(raw.code) : undefined;
    const where = code ? `disclosureItems[${index}] (${code})` : `disclosureItems[${index}]`;
    const entry = reader.mapping(raw, where, FIELDS);
    if (!entry) return;
    const read = {
      code: reader.text(entry, 'code', where),
      name: reader.text(entry, 'name', where),
      sourceDept: reader.oneOf(entry, 'sourceDept', where, SOURCE_DEPTS),
      kind: reader.oneOf(entry, 'kind', where, DISCLOSURE_KINDS),
    };
    const { code: itemCode, name, sourceDept, kind } = read;
    if (!itemCode || !name || !sourceDept || !kind) return;
    if (!/^[A-Z][A-Z0-9_]*$/.test(itemCode)) {
      reader.fail(`${where}.code`, 'must be upper-case letters, digits and underscores');
    } else if (taken.has(itemCode) || items.has(itemCode)) {
      reader.fail(`${where}.code`, `duplicate code ${itemCode}`);
    } else {
      items.set(itemCode, { code: itemCode, name, sourceDept, kind });
    }
  });
  return items;
}
