import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsxRows } from '../read-xlsx-rows';
import type { SourceRow } from '../source-row';

const dir = mkdtempSync(join(tmpdir(), 'read-xlsx-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readXlsxRows', () => {
  it('reads the first sheet as text: dates as ISO, formulas by result, ids typed as numbers flagged', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('处罚');
    sheet.addRow(['证件号码', '处罚决定日期', '罚款金额(万元)', '备注']);
    sheet.addRow([
      '511921198503150012',
      new Date(Date.UTC(2025, 2, 5)),
      0.5,
      { richText: [{ text: '超过' }, { text: '保质期' }] },
    ]);
    sheet.addRow([511921198503150000, '2025-03-06', { formula: '0.25*2', result: 0.5 }]);
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    workbook.addWorksheet('说明').addRow(['not data']);
    const path = join(dir, 'penalties.xlsx');
    await workbook.xlsx.writeFile(path);

    const rows: SourceRow[] = [];
    for await (const row of readXlsxRows(path)) rows.push(row);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['证件号码', '处罚决定日期', '罚款金额(万元)', '备注'] },
      { rowNumber: 2, cells: ['511921198503150012', '2025-03-05', '0.5', '超过保质期'] },
      { rowNumber: 3, cells: ['511921198503150000', '2025-03-06', '0.5'], lossyColumns: [0] },
    ]);
  });

  it('keeps Chinese text whole where its bytes straddle two inflated chunks (shared and inline strings)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `通江县市场监督管理局第${i}号`,
      `经营超过保质期的食品${'。'.repeat(i % 7)}`,
    ]);
    const shared = new ExcelJS.Workbook();
    const sheet = shared.addWorksheet('s');
    for (const row of rows) sheet.addRow(row);
    await shared.xlsx.writeFile(join(dir, 'shared.xlsx'));
    const inline = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: join(dir, 'inline.xlsx'),
      useSharedStrings: false,
    });
    const inlineSheet = inline.addWorksheet('s');
    for (const row of rows) inlineSheet.addRow(row).commit();
    await inline.commit();
    for (const name of ['shared.xlsx', 'inline.xlsx']) {
      const read: string[][] = [];
      for await (const row of readXlsxRows(join(dir, name))) read.push(row.cells);
      expect(read).toEqual(rows);
    }
  });
});
