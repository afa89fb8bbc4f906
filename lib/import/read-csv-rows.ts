import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { ImportEncoding } from './import-encoding';
import { ImportFileError } from './import-file-error';
import type { SourceRow } from './source-row';

/** Options of {@link readCsvRows}. */
export interface ReadCsvRowsOptions {
  encoding: ImportEncoding;
  /** Called with the size of every chunk read from disk (progress); default none. */
  onBytes?: (bytes: number) => void;
  /**
   * Characters one record may reach while it is being split; default 1 MiB. Far above the row
   * limit (rows over that are rejected one by one later): reaching it means a quote opened and
   * never closed, which would swallow the rest of the file into one cell.
   */
  maxRecordChars?: number;
}

const REPLACEMENT_CHARACTER = '\uFFFD';
const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Reads a CSV file as rows (the header first, as row 1), streaming: the file is decoded with
 * iconv-lite and split with csv-parse, so memory holds a chunk and one record, whatever the size.
 * A quote inside a cell is kept as text (relax_quotes, as Excel reads it); a row with bytes that
 * are not valid in the encoding comes out with a `problem`. What csv-parse cannot split at all
 * (a quote never closed) stops the file with ImportFileError naming the row, rather than
 * silently merging the rows after it.
 */
export async function* readCsvRows(
  path: string,
  options: ReadCsvRowsOptions,
): AsyncGenerator<SourceRow> {
  const input = createReadStream(path);
  if (options.onBytes) input.on('data', (chunk) => options.onBytes?.(chunk.length));
  // Records split so far; csv-parse runs ahead of this loop, so an error names the row after.
  let split = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    on_record: (record: string[]) => {
      split += 1;
      return record;
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(iconv.decodeStream(options.encoding, { stripBOM: true })).pipe(parser);
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield cells.some((cell) => cell.includes(REPLACEMENT_CHARACTER))
        ? {
            rowNumber,
            cells,
            problem: `bytes that are not valid ${options.encoding.toUpperCase()}`,
          }
        : { rowNumber, cells };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw error;
    const why =
      code === 'CSV_MAX_RECORD_SIZE' || code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote (") opens a cell and is never closed'
        : (error as Error).message;
    throw new ImportFileError(
      `row ${split + 1} of the CSV cannot be read: ${why}. Fix it and import the file again (rows imported already are left unchanged)`,
    );
  } finally {
    input.destroy();
  }
}
