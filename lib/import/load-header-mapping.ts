import { readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import { ImportFileError } from './import-file-error';
import type { HeaderMapping } from './header-mapping';
import { normalizeHeader } from './normalize-header';

/** Largest mapping file read, in bytes. */
export const MAX_MAPPING_FILE_BYTES = 64 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown, where: string): Record<string, string> {
  if (!isRecord(value)) throw new ImportFileError(`${where} must be a map of names to codes`);
  const result: Record<string, string> = {};
  for (const [key, code] of Object.entries(value)) {
    if (typeof code !== 'string') throw new ImportFileError(`${where}.${key} must be a text`);
    result[key] = code;
  }
  return result;
}

/**
 * Reads a header-mapping file (YAML or JSON, at most 64 KiB):
 *
 * ```yaml
 * columns:                 # your header: canonical field, standard header, or null to skip
 *   当事人身份证号: personId
 *   处罚文书编号: 行政处罚决定书文号
 *   内部流水号: null
 * values:                  # optional: your names of enum values, per canonical field
 *   penaltyKind: { 一般罚款: FINE }
 * ```
 */
export async function loadHeaderMapping(path: string): Promise<HeaderMapping> {
  const size = (
    await stat(path).catch(() => {
      throw new ImportFileError(`mapping file ${path}: no such file`);
    })
  ).size;
  if (size > MAX_MAPPING_FILE_BYTES) {
    throw new ImportFileError(
      `mapping file ${path} is ${size} bytes, more than ${MAX_MAPPING_FILE_BYTES}`,
    );
  }
  let document: unknown;
  try {
    document = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ImportFileError(`mapping file ${path} is not YAML: ${(error as Error).message}`);
  }
  if (!isRecord(document)) throw new ImportFileError(`mapping file ${path} must be a map`);
  const unknownKeys = Object.keys(document).filter((key) => key !== 'columns' && key !== 'values');
  if (unknownKeys.length > 0) {
    throw new ImportFileError(
      `mapping file ${path}: unknown key ${unknownKeys.join(', ')} (only columns, values)`,
    );
  }
  const columns = new Map<string, string | null>();
  const rawColumns = document.columns ?? {};
  if (!isRecord(rawColumns)) throw new ImportFileError('mapping file: columns must be a map');
  for (const [header, target] of Object.entries(rawColumns)) {
    if (target !== null && typeof target !== 'string') {
      throw new ImportFileError(`mapping file: columns.${header} must be a name or null`);
    }
    columns.set(normalizeHeader(header), target);
  }
  const rawValues = document.values ?? {};
  if (!isRecord(rawValues)) throw new ImportFileError('mapping file: values must be a map');
  const values: Record<string, Record<string, string>> = {};
  for (const [field, names] of Object.entries(rawValues)) {
    values[field] = stringMap(names, `values.${field}`);
  }
  return { columns, values };
}
