import ExcelJS from 'exceljs';

/** The two private steps of exceljs 4.4.0's WorkbookReader that read XML text from the zip. */
interface WorkbookReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown>;
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as WorkbookReaderInternals;

/** Decodes UTF-8 chunks into text, keeping a character split between two chunks whole. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * exceljs's streaming WorkbookReader, reading Chinese text intact. exceljs 4.4.0 decodes every
 * inflated 16 KiB chunk of the sheet and shared-strings XML on its own (utils/parse-sax.js), so a
 * character whose bytes straddle two chunks becomes "��" (exceljs issues #2063, #2084, #2316;
 * fixes proposed, none released). Its parser takes text chunks as they are, so this reader hands
 * it text decoded across chunk boundaries. It overrides two private methods of the exactly
 * pinned version; test/import.test.ts and read-xlsx-rows.test.ts fail if an upgrade changes them.
 */
export class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> {
    // The entry then emits text decoded by a StringDecoder, which carries split characters over.
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  }

  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Generator<unknown> {
    return base._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }
}
