import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readCsvRows } from '../read-csv-rows';
import type { ReadCsvRowsOptions } from '../read-csv-rows';
import type { SourceRow } from '../source-row';

const dir = mkdtempSync(join(tmpdir(), 'read-csv-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(
  name: string,
  bytes: Buffer,
  options: ReadCsvRowsOptions,
): Promise<SourceRow[]> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const rows: SourceRow[] = [];
  for await (const row of readCsvRows(path, options)) rows.push(row);
  return rows;
}

const TEXT =
  '证件号码,处罚类别\r\n511921198503150012,罚款\r\n\r\n"11010519491231002X","警告,口头"\r\n';
const EXPECTED: SourceRow[] = [
  { rowNumber: 1, cells: ['证件号码', '处罚类别'] },
  { rowNumber: 2, cells: ['511921198503150012', '罚款'] },
  { rowNumber: 3, cells: ['11010519491231002X', '警告,口头'] },
];

describe('readCsvRows', () => {
  it('reads UTF-8 with a BOM, UTF-8 without, and GB18030 to the same rows', async () => {
    expect(await read('bom.csv', Buffer.from(`\uFEFF${TEXT}`), { encoding: 'utf8' })).toEqual(
      EXPECTED,
    );
    expect(await read('plain.csv', Buffer.from(TEXT), { encoding: 'utf8' })).toEqual(EXPECTED);
    expect(await read('gb.csv', iconv.encode(TEXT, 'gb18030'), { encoding: 'gb18030' })).toEqual(
      EXPECTED,
    );
  });

  it('marks a row with bytes invalid in the encoding, and reads on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\n1,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n2,ok\n'),
    ]);
    const rows = await read('bad-bytes.csv', bytes, { encoding: 'utf8' });
    expect(rows.map((row) => [row.rowNumber, row.problem])).toEqual([
      [1, undefined],
      [2, 'bytes that are not valid UTF8'],
      [3, undefined],
    ]);
  });

  it('keeps a stray quote in a cell as text', async () => {
    const rows = await read('quotes.csv', Buffer.from('a,b\n1,a"b\n2,ok\n'), { encoding: 'utf8' });
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', 'a"b'],
      ['2', 'ok'],
    ]);
  });

  it('stops at a quote never closed, naming the row, instead of merging the rows after it', async () => {
    const text = `a,b\n1,ok\n2,"never closed\n${'3,x\n'.repeat(50)}`;
    await expect(
      read('open-quote.csv', Buffer.from(text), { encoding: 'utf8', maxRecordChars: 100 }),
    ).rejects.toThrow(
      'row 3 of the CSV cannot be read: a quote (") opens a cell and is never closed.',
    );
  });

  it('counts the bytes it reads', async () => {
    let bytes = 0;
    await read('count.csv', Buffer.from(TEXT), { encoding: 'utf8', onBytes: (n) => (bytes += n) });
    expect(bytes).toBe(Buffer.byteLength(TEXT));
  });
});
