import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDecisionKind } from '../../decision-kinds';
import type { DecisionKind } from '../../decision-kinds';
import type { SendBatch } from '../gateway-import-client';
import type { ImportBatchResult } from '../import-batch-result';
import { importFile } from '../import-file';
import type { ImportRow } from '../import-row';

const dir = mkdtempSync(join(tmpdir(), 'import-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const arrears = findDecisionKind('TAX', 'arrears') as DecisionKind;

/**
 * Stands in for the server at this layer (the gateway tests use the real one): records each
 * batch, refuses rows whose amount is negative, and knows decision numbers it has seen.
 */
function recordingServer() {
  const batches: { rows: ImportRow[]; dryRun: boolean }[] = [];
  const seen = new Set<string>();
  const send: SendBatch = async (rows, dryRun) => {
    batches.push({ rows, dryRun });
    const result: ImportBatchResult = {
      kind: 'arrears',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
    };
    for (const row of rows) {
      const get = (field: string) => row.values.find((value) => value.field === field)?.value ?? '';
      if (get('amount').startsWith('-')) {
        result.rejected.push({
          rowNumber: row.rowNumber,
          field: 'amount',
          reason: 'amount must be 0 or more',
        });
      } else if (seen.has(get('decisionNo'))) result.unchanged += 1;
      else {
        if (!dryRun) seen.add(get('decisionNo'));
        result.inserted += 1;
      }
    }
    return result;
  };
  return { batches, send };
}

function writeArrears(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `\uFEFF身份证号,税务事项通知书文号,税种,欠税金额,欠税发生日期\n${lines.join('\n')}\n`,
  );
  return path;
}

const line = (i: number, amount = '100.00') =>
  `511921198503150012,通税通〔2025〕${i}号,增值税,${amount},2025-03-05`;

describe('importFile', () => {
  it('sends rows in batches, and the second import of the same file changes nothing', async () => {
    const server = recordingServer();
    const path = writeArrears(
      'arrears.csv',
      Array.from({ length: 7 }, (_, i) => line(i)),
    );
    const first = await importFile({ path, kind: arrears, send: server.send, batchRows: 3 });
    expect(server.batches.map((batch) => batch.rows.map((row) => row.rowNumber))).toEqual([
      [2, 3, 4],
      [5, 6, 7],
      [8],
    ]);
    expect(first).toMatchObject({
      format: 'csv',
      encoding: 'utf8',
      encodingSource: 'detected',
      rows: 7,
      inserted: 7,
      unchanged: 0,
      rejected: 0,
      rejectsPath: null,
    });
    const second = await importFile({ path, kind: arrears, send: server.send, batchRows: 3 });
    expect(second).toMatchObject({ rows: 7, inserted: 0, unchanged: 7, rejected: 0 });
  });

  it('writes reader and server rejections in row order to <name>.rejects.csv, with the original cells', async () => {
    const server = recordingServer();
    const path = writeArrears('mixed.csv', [
      line(1),
      line(2, '-5'),
      '511921198503150012,通税通〔2025〕3号',
      line(4),
      line(5, '-1'),
    ]);
    const summary = await importFile({ path, kind: arrears, send: server.send, batchRows: 2 });
    expect(summary).toMatchObject({
      rows: 5,
      inserted: 2,
      rejected: 3,
      rejectedByReader: 1,
      rejectsPath: join(dir, 'mixed.rejects.csv'),
    });
    expect(readFileSync(join(dir, 'mixed.rejects.csv'), 'utf8')).toBe(
      '\uFEFF行号 row,列 column,原因 reason,身份证号,税务事项通知书文号,税种,欠税金额,欠税发生日期\n' +
        '3,欠税金额,amount must be 0 or more,511921198503150012,通税通〔2025〕2号,增值税,-5,2025-03-05\n' +
        '4,税种,"row has 2 columns, the header 5: missing 税种, 欠税金额, 欠税发生日期",511921198503150012,通税通〔2025〕3号\n' +
        '6,欠税金额,amount must be 0 or more,511921198503150012,通税通〔2025〕5号,增值税,-1,2025-03-05\n',
    );
  });

  it('removes a rejects file left by an earlier run once the file imports cleanly', async () => {
    const server = recordingServer();
    const path = writeArrears('fixed.csv', [line(1)]);
    writeFileSync(join(dir, 'fixed.rejects.csv'), 'stale');
    await importFile({ path, kind: arrears, send: server.send });
    expect(existsSync(join(dir, 'fixed.rejects.csv'))).toBe(false);
  });

  it('passes a dry run to the server', async () => {
    const server = recordingServer();
    const path = writeArrears('dry.csv', [line(1)]);
    expect(
      await importFile({ path, kind: arrears, send: server.send, dryRun: true }),
    ).toMatchObject({ dryRun: true, inserted: 1 });
    expect(server.batches.map((batch) => batch.dryRun)).toEqual([true]);
  });

  it('refuses a file of another format, an empty file and a bad batch size before sending anything', async () => {
    const server = recordingServer();
    writeFileSync(join(dir, 'old.xls'), 'x');
    await expect(
      importFile({ path: join(dir, 'old.xls'), kind: arrears, send: server.send }),
    ).rejects.toThrow('old Excel/WPS workbook: save it as .xlsx or .csv');
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(
      importFile({ path: join(dir, 'empty.csv'), kind: arrears, send: server.send }),
    ).rejects.toThrow('empty.csv has no header row');
    await expect(
      importFile({
        path: writeArrears('b.csv', [line(1)]),
        kind: arrears,
        send: server.send,
        batchRows: 501,
      }),
    ).rejects.toThrow('batch size 501 is not a whole number from 1 to 500');
    await expect(
      importFile({ path: join(dir, 'missing.csv'), kind: arrears, send: server.send }),
    ).rejects.toThrow('no such file');
    expect(server.batches).toEqual([]);
  });
});
