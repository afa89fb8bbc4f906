import ExcelJS from 'exceljs';

/** Fixed document dates, so regenerating an example changes no cell or property. */
const DOCUMENT_DATE = new Date('2025-12-01T00:00:00Z');

/**
 * Writes a table as an .xlsx workbook with one worksheet, streaming (exceljs WorkbookWriter,
 * inline strings), every cell as text: ids and dates stay exactly as written, as a department's
 * export formats them.
 */
export async function writeSampleXlsx(
  path: string,
  table: { headers: readonly string[]; rows: Iterable<readonly string[]> },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  workbook.created = DOCUMENT_DATE;
  workbook.modified = DOCUMENT_DATE;
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...table.headers]).commit();
  for (const row of table.rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
}
