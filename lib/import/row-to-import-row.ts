import type { ColumnPlan } from './column-plan';
import { ENUM_VALUE_LABELS } from './enum-value-labels';
import { fenToYuanText } from './fen-to-yuan-text';
import type { ImportRow, RowRejection } from './import-row';
import { IMPORT_LIMITS } from './import-limits';
import { normalizeDateText } from './normalize-date-text';
import type { SourceRow } from './source-row';
import { wanYuanToFen } from './wan-yuan-to-fen';

/** A row ready to send, or why it cannot be read (parse level). */
export type RowConversion = { ok: true; row: ImportRow } | { ok: false; rejection: RowRejection };

function reject(rowNumber: number, column: string | null, reason: string): RowConversion {
  return { ok: false, rejection: { rowNumber, column, reason } };
}

/**
 * Turns a file row into the canonical values the server validates. Refuses here only what cannot
 * be read at all: an unreadable or over-long row, a row with fewer or more cells than the header
 * ("missing column"), an id Excel stored as a number, an amount in 万元 that is no number. Every
 * other check (ids, dates, amounts, enums, lengths, department) is the server's, one place for
 * files and forms alike. Only the spelling is normalized: dates to ISO, enum names to codes,
 * 万元 to yuan, ids to upper case.
 */
export function rowToImportRow(source: SourceRow, plan: ColumnPlan): RowConversion {
  const { rowNumber, cells } = source;
  if (source.problem) return reject(rowNumber, null, source.problem);
  const width = plan.columns.length;
  if (cells.length < width) {
    const missing = plan.columns.slice(cells.length).map((column) => column.header);
    return reject(
      rowNumber,
      missing[0],
      `row has ${cells.length} columns, the header ${width}: missing ${missing.join(', ')}`,
    );
  }
  if (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== '')) {
    return reject(
      rowNumber,
      null,
      `row has ${cells.length} columns, the header ${width}: a separator too many?`,
    );
  }
  const length = cells.reduce((sum, cell) => sum + cell.length, 0);
  if (length > IMPORT_LIMITS.maxRowChars) {
    return reject(
      rowNumber,
      null,
      `row has ${length} characters, more than ${IMPORT_LIMITS.maxRowChars}`,
    );
  }
  const texts = new Map<string, string>();
  const sums = new Map<string, bigint>();
  for (const column of plan.columns) {
    const field = column.field;
    if (!field) continue;
    const text = cells[column.index].trim();
    if (text === '') continue;
    if (source.lossyColumns?.includes(column.index)) {
      return reject(
        rowNumber,
        column.header,
        `Excel stored ${text} as a number and dropped digits past the 15th: format the column as text (文本) and enter it again`,
      );
    }
    if (column.unit === 'wan-yuan') {
      const fen = wanYuanToFen(text);
      if (fen === undefined) {
        return reject(
          rowNumber,
          column.header,
          `${text} is not an amount in 万元 (digits, at most 6 decimals)`,
        );
      }
      sums.set(field.name, (sums.get(field.name) ?? 0n) + fen);
      continue;
    }
    let value = text;
    if (field.type === 'date') value = normalizeDateText(text);
    else if (field.type === 'citizenId' || field.type === 'uscc') value = text.toUpperCase();
    else if (field.type === 'enum') {
      value = plan.valueNames[field.name]?.[text] ?? ENUM_VALUE_LABELS[field.name]?.[text] ?? text;
    }
    texts.set(field.name, value);
  }
  for (const [field, fen] of sums) texts.set(field, fenToYuanText(fen));
  return {
    ok: true,
    row: { rowNumber, values: [...texts].map(([field, value]) => ({ field, value })) },
  };
}
