import type { DecisionField, DecisionKind } from '../decision-kinds';
import type { ColumnPlan, PlannedColumn } from './column-plan';
import type { HeaderMapping } from './header-mapping';
import { ImportFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';
import { normalizeHeader } from './normalize-header';
import { standardColumnsFor } from './standard-columns-for';
import type { StandardColumn } from './standard-column';

type Target = { field: DecisionField | null; unit?: 'wan-yuan'; combine?: 'sum' };

/**
 * Maps a file's header row to the kind's canonical fields. A header is, in this order: what the
 * mapping file says; a canonical field name (`decidedAt`); a column of the kind's standard column
 * set (双公示 headers); the catalog's Chinese label of a field not yet filled; a standard column
 * this system does not keep (read past); else unknown (read past, reported). The label comes
 * after the standard so a standard file's 许可类别 (普通, 特许, ...) is not taken for the licence
 * kind. Throws ImportFileError when a required field has no column, two columns fill one field,
 * or the header row is over a limit.
 */
export function planColumns(
  headers: readonly string[],
  kind: DecisionKind,
  mapping?: HeaderMapping,
): ColumnPlan {
  if (headers.length > IMPORT_LIMITS.maxColumns) {
    throw new ImportFileError(
      `the header row has ${headers.length} columns, more than ${IMPORT_LIMITS.maxColumns}`,
    );
  }
  const tooLong = headers.find((header) => header.length > IMPORT_LIMITS.maxHeaderChars);
  if (tooLong !== undefined) {
    throw new ImportFileError(
      `a header is longer than ${IMPORT_LIMITS.maxHeaderChars} characters (is row 1 the header?): ${tooLong.slice(0, 40)}…`,
    );
  }
  const fieldsByName = new Map(kind.fields.map((field) => [normalizeHeader(field.name), field]));
  const fieldsByLabel = new Map(kind.fields.map((field) => [normalizeHeader(field.label), field]));
  const standard = new Map<string, StandardColumn>(
    standardColumnsFor(kind).map((column) => [normalizeHeader(column.header), column]),
  );
  const fieldNamed = (name: string | null) =>
    name === null ? null : (kind.fields.find((field) => field.name === name) ?? null);

  const direct = (name: string): Target | undefined => {
    const byName = fieldsByName.get(name);
    if (byName) return { field: byName };
    const column = standard.get(name);
    if (column?.field)
      return { field: fieldNamed(column.field), unit: column.unit, combine: column.combine };
    return undefined;
  };

  const targets: (Target | undefined)[] = headers.map((header) => {
    const name = normalizeHeader(header);
    if (mapping?.columns.has(name)) {
      const target = mapping.columns.get(name) ?? null;
      if (target === null) return { field: null };
      const resolved =
        direct(normalizeHeader(target)) ??
        (fieldsByLabel.has(normalizeHeader(target))
          ? { field: fieldsByLabel.get(normalizeHeader(target)) ?? null }
          : undefined);
      if (!resolved) {
        throw new ImportFileError(
          `mapping file: column ${header} maps to ${target}, which is no field of ${kind.dept} ${kind.kind} (fields: ${kind.fields.map((field) => field.name).join(', ')})`,
        );
      }
      return resolved;
    }
    return direct(name);
  });
  const taken = new Set(targets.flatMap((target) => (target?.field ? [target.field.name] : [])));
  const unknownHeaders: string[] = [];
  const columns: PlannedColumn[] = headers.map((header, index) => {
    let target = targets[index];
    const name = normalizeHeader(header);
    if (target === undefined) {
      const byLabel = fieldsByLabel.get(name);
      if (byLabel && !taken.has(byLabel.name)) {
        taken.add(byLabel.name);
        target = { field: byLabel };
      } else {
        if (!standard.has(name) && !byLabel && header.trim() !== '') unknownHeaders.push(header);
        target = { field: null };
      }
    }
    return { index, header, ...target };
  });

  const byField = new Map<string, PlannedColumn[]>();
  for (const column of columns) {
    if (column.field)
      byField.set(column.field.name, [...(byField.get(column.field.name) ?? []), column]);
  }
  for (const [field, filling] of byField) {
    if (filling.length > 1 && !filling.every((column) => column.combine === 'sum')) {
      throw new ImportFileError(
        `columns ${filling.map((column) => column.header).join(' and ')} both fill ${field}: keep one, or map one to null in a --mapping file`,
      );
    }
  }
  const missing = kind.fields.filter((field) => field.required && !byField.has(field.name));
  if (missing.length > 0) {
    throw new ImportFileError(
      `no column for ${missing.map((field) => `${field.label} (${field.name})`).join(', ')}, required for ${kind.dept} ${kind.kind}; headers found: ${headers.join(', ')}${unknownHeaders.length > 0 ? `. Map your own headers with --mapping (unknown: ${unknownHeaders.join(', ')})` : ''}`,
    );
  }
  return {
    columns,
    unknownHeaders,
    absentOptionalFields: kind.fields
      .filter((field) => !field.required && !byField.has(field.name))
      .map((field) => field.name),
    valueNames: mapping?.values ?? {},
  };
}
