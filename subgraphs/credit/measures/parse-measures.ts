import { parseYaml } from '../rules/parse-yaml';
import { PolicyReader } from '../rules/policy-reader';
import { CREDIT_CATEGORIES } from '../rules/types';
import { MATTER_TYPES, MEASURE_KINDS } from './types';
import type { Measure, MeasureEntry, MeasureTrigger, MeasuresCatalog } from './types';

const LISTS = ['BLACK', 'RED'] as const;

/**
 * Validates the text of policy/measures.yaml strictly: every problem (unknown field, list,
 * category, matter or kind, an entry with both or neither of list and category, a duplicate
 * measure code) is reported with its path, and loading fails rather than trigger wrong measures.
 */
export function parseMeasures(text: string, file = 'policy/measures.yaml'): MeasuresCatalog {
  const reader = new PolicyReader(file);
  const root = reader.mapping(parseYaml(text, file), '(root)', ['version', 'entries']);
  const version = root ? reader.text(root, 'version', '(root)') : undefined;
  const entries: MeasureEntry[] = [];
  const byCode = new Map<string, Measure>();
  const list = root ? reader.list(root.entries, 'entries') : null;
  (list ?? []).forEach((raw, index) => {
    const where = `entries[${index}]`;
    const entry = reader.mapping(raw, where, ['list', 'category', 'matter', 'measures']);
    if (!entry) return;
    const trigger = readTrigger(reader, entry, where);
    const matter = reader.oneOf(entry, 'matter', where, MATTER_TYPES);
    const measures: Measure[] = [];
    (reader.list(entry.measures, `${where}.measures`) ?? []).forEach((rawMeasure, at) => {
      const measure = readMeasure(reader, rawMeasure, `${where}.measures[${at}]`);
      if (!measure) return;
      if (byCode.has(measure.code)) {
        reader.fail(`${where}.measures[${at}].code`, `duplicate code ${measure.code}`);
        return;
      }
      byCode.set(measure.code, measure);
      measures.push(measure);
    });
    if (trigger && matter) entries.push({ trigger, matter, measures });
  });
  reader.finish();
  return { version: version ?? '', entries, byCode };
}

function readTrigger(
  reader: PolicyReader,
  entry: Record<string, unknown>,
  where: string,
): MeasureTrigger | undefined {
  if ((entry.list === undefined) === (entry.category === undefined)) {
    reader.fail(where, 'must give exactly one of list and category');
    return undefined;
  }
  if (entry.list !== undefined) {
    const listName = reader.oneOf(entry, 'list', where, LISTS);
    return listName ? { list: listName } : undefined;
  }
  const category = reader.oneOf(entry, 'category', where, CREDIT_CATEGORIES);
  return category ? { category } : undefined;
}

function readMeasure(reader: PolicyReader, raw: unknown, where: string): Measure | undefined {
  const entry = reader.mapping(raw, where, ['code', 'description', 'kind', 'legalBasis']);
  if (!entry) return undefined;
  const code = reader.text(entry, 'code', where);
  if (code !== undefined && !/^[A-Z][A-Z0-9_]*$/.test(code)) {
    reader.fail(`${where}.code`, 'must be upper-case letters, digits and underscores');
  }
  const description = reader.text(entry, 'description', where);
  const kind = reader.oneOf(entry, 'kind', where, MEASURE_KINDS);
  const legalBasis = reader.text(entry, 'legalBasis', where);
  if (!code || !description || !kind || !legalBasis) return undefined;
  return { code, description, kind, legalBasis };
}
