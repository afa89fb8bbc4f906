import { createReadStream } from 'node:fs';

import type { CellValue } from 'exceljs';
import { IMPORT_LIMITS } from './import-limits';
import { Utf8SafeWorkbookReader } from './utf8-safe-workbook-reader';
import type { SourceRow } from './source-row';

/** Options of {@link readXlsxRows}. */
export interface ReadXlsxRowsOptions {
  /** Called with the size of every chunk read from disk (progress); default none. */
  onBytes?: (bytes: number) => void;
  /** Columns read from each row; cells beyond are ignored; default IMPORT_LIMITS.maxColumns + 1. */
  maxColumns?: number;
}

/** Excel keeps 15 significant digits: a larger whole number (an id typed as a number) lost some. */
const EXCEL_EXACT_DIGITS_LIMIT = 1e15;

interface CellText {
  text: string;
  lossy: boolean;
}

function isoDate(date: Date): string {
  // exceljs turns a date cell's serial number into that day's midnight UTC.
  return date.toISOString().slice(0, 10);
}

function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return { text: '', lossy: false };
  if (typeof value === 'string') return { text: value, lossy: false };
  if (typeof value === 'number') {
    return {
      text: String(value),
      lossy: Number.isInteger(value) && Math.abs(value) >= EXCEL_EXACT_DIGITS_LIMIT,
    };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', lossy: false };
  if (value instanceof Date) return { text: isoDate(value), lossy: false };
  if ('richText' in value)
    return { text: value.richText.map((run) => run.text).join(''), lossy: false };
  if ('hyperlink' in value) return cellText(value.text);
  if ('result' in value && value.result !== undefined) return cellText(value.result as CellValue);
  if ('error' in value) return { text: String(value.error), lossy: false };
  return { text: '', lossy: false };
}

/**
 * Reads the first worksheet of an .xlsx file as rows (row numbers as Excel shows them), with
 * exceljs's streaming reader: rows are parsed as the zip is inflated and dropped once yielded, so
 * memory holds the shared strings table and one row. Dates become yyyy-mm-dd; a formula gives its
 * cached result; a number too long for Excel to keep exactly is flagged, not passed on.
 */
export async function* readXlsxRows(
  path: string,
  options: ReadXlsxRowsOptions = {},
): AsyncGenerator<SourceRow> {
  const input = createReadStream(path);
  if (options.onBytes) input.on('data', (chunk) => options.onBytes?.(chunk.length));
  const maxColumns = options.maxColumns ?? IMPORT_LIMITS.maxColumns + 1;
  const workbook = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: string[] = [];
      const lossyColumns: number[] = [];
      const width = Math.min(values.length - 1, maxColumns);
      for (let column = 0; column < width; column += 1) {
        const { text, lossy } = cellText(values[column + 1]);
        cells.push(text);
        if (lossy) lossyColumns.push(column);
      }
      yield lossyColumns.length > 0
        ? { rowNumber: row.number, cells, lossyColumns }
        : { rowNumber: row.number, cells };
    }
    // Only the first worksheet is data; later ones (notes, lists of values) are not read.
    break;
  }
}
