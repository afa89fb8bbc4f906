import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chinaToday } from '../lib/civil-time/china-today';
import { addDaysIso } from '../lib/civil-time/add-days-iso';
import { ALL_DECISION_KINDS, findDecisionKind } from '../lib/decision-kinds';
import type { DecisionKind } from '../lib/decision-kinds';
import { createGatewayImportClient } from '../lib/import/gateway-import-client';
import { importFile } from '../lib/import/import-file';
import type { ImportFileOptions } from '../lib/import/import-file';
import { signUserToken } from '../lib/auth/user-token';
import { sampleDecisionRows } from '../scripts/import/sample-decision-rows';
import type { SampleTable } from '../scripts/import/sample-decision-rows';
import { writeSampleCsv } from '../scripts/import/write-sample-csv';
import { writeSampleXlsx } from '../scripts/import/write-sample-xlsx';
import { EXAMPLES_SEED } from '../scripts/import/example-subjects';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';
import { DB_MODES } from './support/test-databases';

const run = promisify(execFile);
/** A thousand rows twice through the gateway: about a minute on a loaded 2-core machine. */
const HEAVY_TEST_MS = 300_000;
const penalties = findDecisionKind('AMR', 'penalties') as DecisionKind;

/** The 37 bad rows of the acceptance file, by what is wrong with them. */
const BAD_ROWS = {
  wrongCheckDigit: [3, 9, 15, 21, 27, 33, 39],
  futureDate: [4, 10, 16, 22, 28, 34],
  negativeAmount: [5, 11, 17, 23, 29, 35],
  unknownEnum: [6, 12, 18, 24, 30, 36],
  missingColumn: [7, 13, 19, 25, 31, 37],
  otherDepartment: [8, 14, 20, 26, 32, 38],
} as const;

function column(table: SampleTable, header: string): number {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index;
}

/** 100 penalty rows of which the rows of BAD_ROWS (spreadsheet row numbers) are bad. */
function tableWith37BadRows(): SampleTable {
  const table = sampleDecisionRows(penalties, { count: 100, series: 'BAD', persons: 100 });
  const id = column(table, '证件号码');
  const date = column(table, '处罚决定日期');
  const amount = column(table, '罚款金额(万元)');
  const kind = column(table, '处罚类别');
  const authority = column(table, '处罚机关');
  const future = addDaysIso(chinaToday(), 30);
  const edit = (rows: readonly number[], change: (row: string[]) => string[]) => {
    for (const rowNumber of rows)
      table.rows[rowNumber - 2] = change([...table.rows[rowNumber - 2]]);
  };
  const set = (index: number, value: (old: string) => string) => (row: string[]) => {
    row[index] = value(row[index]);
    return row;
  };
  edit(
    BAD_ROWS.wrongCheckDigit,
    set(id, (old) => old.slice(0, 17) + (old[17] === '1' ? '2' : '1')),
  );
  edit(
    BAD_ROWS.futureDate,
    set(date, () => future),
  );
  edit(
    BAD_ROWS.negativeAmount,
    set(amount, () => '-0.01'),
  );
  edit(
    BAD_ROWS.unknownEnum,
    set(kind, () => '打板子'),
  );
  edit(BAD_ROWS.missingColumn, (row) => row.slice(0, authority));
  edit(
    BAD_ROWS.otherDepartment,
    set(authority, () => '国家税务总局通江县税务局'),
  );
  return table;
}

describe.each(DB_MODES)('bulk import through the gateway on %s', (dbMode) => {
  let system: SecureSystem;
  let token: string;
  const tokens = new Map<string, string>();
  const dir = mkdtempSync(join(tmpdir(), `import-${dbMode}-`));

  beforeAll(async () => {
    // The county the committed examples name (scripts/import/example-subjects.ts).
    system = await startSecureSystem({ ...EXAMPLES_SEED, dbMode });
    const { privateKey } = await system.security.keys.keyPair('user-token');
    for (const dept of new Set(ALL_DECISION_KINDS.map((kind) => kind.dept))) {
      tokens.set(
        dept,
        await signUserToken(
          { sub: `import-${dept.toLowerCase()}`, clientType: 'system', dept, roles: [] },
          { key: privateKey },
        ),
      );
    }
    token = tokens.get('AMR') ?? '';
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const importAs = (kind: DecisionKind, path: string, options: Partial<ImportFileOptions> = {}) =>
    importFile({
      path,
      kind,
      send: createGatewayImportClient(kind, {
        gatewayUrl: system.gatewayUrl,
        token,
        caseRef: 'IMPORT-TEST-1',
      }),
      ...options,
    });

  it(
    'imports 1,000 penalties from CSV, then the same file again with no change',
    async () => {
      const path = join(dir, 'penalties.csv');
      await writeSampleCsv(
        path,
        sampleDecisionRows(penalties, { count: 1000, series: 'CSV', persons: 40 }),
      );
      expect(await importAs(penalties, path)).toMatchObject({
        rows: 1000,
        inserted: 1000,
        unchanged: 0,
        rejected: 0,
      });
      expect(await importAs(penalties, path)).toMatchObject({
        rows: 1000,
        inserted: 0,
        updated: 0,
        unchanged: 1000,
        rejected: 0,
      });
    },
    HEAVY_TEST_MS,
  );

  it(
    'imports 1,000 penalties from XLSX, then the same file again with no change',
    async () => {
      const path = join(dir, 'penalties.xlsx');
      await writeSampleXlsx(
        path,
        sampleDecisionRows(penalties, { count: 1000, series: 'XLSX', persons: 40 }),
      );
      expect(await importAs(penalties, path)).toMatchObject({
        format: 'xlsx',
        rows: 1000,
        inserted: 1000,
        rejected: 0,
      });
      expect(await importAs(penalties, path)).toMatchObject({
        rows: 1000,
        inserted: 0,
        unchanged: 1000,
        rejected: 0,
      });
    },
    HEAVY_TEST_MS,
  );

  it('rejects exactly the 37 bad rows with their reasons, and imports the 63 good ones', async () => {
    const path = join(dir, 'bad.csv');
    await writeSampleCsv(path, tableWith37BadRows());
    const summary = await importAs(penalties, path);
    expect(summary).toMatchObject({ rows: 100, inserted: 63, rejected: 37, rejectedByReader: 6 });
    const lines = readFileSync(join(dir, 'bad.rejects.csv'), 'utf8').trim().split('\n').slice(1);
    const byRow = new Map(lines.map((line) => [Number(line.split(',')[0]), line]));
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual(
      Object.values(BAD_ROWS)
        .flat()
        .sort((a, b) => a - b),
    );
    const expectRows = (rows: readonly number[], column: string, reason: RegExp) => {
      for (const row of rows) {
        const line = byRow.get(row) ?? '';
        expect(line.split(',')[1]).toBe(column);
        expect(line).toMatch(reason);
      }
    };
    expectRows(BAD_ROWS.wrongCheckDigit, '证件号码', /check/i);
    expectRows(BAD_ROWS.futureDate, '处罚决定日期', /future|after today/i);
    expectRows(BAD_ROWS.negativeAmount, '罚款金额(万元)', /negative|0 or more|>= 0|less than 0/i);
    expectRows(BAD_ROWS.unknownEnum, '处罚类别', /打板子/);
    expectRows(BAD_ROWS.missingColumn, '处罚机关', /missing 处罚机关/);
    expectRows(BAD_ROWS.otherDepartment, '处罚机关', /department|国家税务总局通江县税务局/);
  });

  it('writes nothing in a dry run', async () => {
    const path = join(dir, 'dry.csv');
    await writeSampleCsv(path, sampleDecisionRows(penalties, { count: 20, series: 'DRY' }));
    expect(await importAs(penalties, path, { dryRun: true })).toMatchObject({
      dryRun: true,
      inserted: 20,
      rejected: 0,
    });
    expect(await importAs(penalties, path, { dryRun: true })).toMatchObject({
      inserted: 20,
      unchanged: 0,
    });
    expect(await importAs(penalties, path)).toMatchObject({ inserted: 20, unchanged: 0 });
  });

  it(
    'imports every example file, CSV then XLSX, into the freshly seeded system; the GB18030 file holds the same rows',
    async () => {
      const ordered = [
        ...ALL_DECISION_KINDS.filter((kind) => kind.action === 'record'),
        ...ALL_DECISION_KINDS.filter((kind) => kind.action === 'end'),
      ];
      const outcomes: string[] = [];
      for (const kind of ordered) {
        const base = join('examples', 'import', `${kind.dept.toLowerCase()}-${kind.kind}`);
        const asDept = (path: string) =>
          importFile({
            path,
            kind,
            send: createGatewayImportClient(kind, {
              gatewayUrl: system.gatewayUrl,
              token: tokens.get(kind.dept) ?? '',
              caseRef: 'IMPORT-EXAMPLES',
            }),
          });
        const csv = await asDept(`${base}.csv`);
        const xlsx = await asDept(`${base}.xlsx`);
        outcomes.push(
          `${base}: csv ${csv.inserted}/${csv.unchanged}/${csv.rejected}, xlsx ${xlsx.inserted}/${xlsx.unchanged}/${xlsx.rejected}`,
        );
      }
      expect(outcomes).toEqual(
        ordered.map(
          (kind) =>
            `${join('examples', 'import', `${kind.dept.toLowerCase()}-${kind.kind}`)}: csv 5/0/0, xlsx 0/5/0`,
        ),
      );

      // The command line, on the GB18030 file: detected, the same five penalties, nothing new.
      const { stdout, stderr } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/import.ts',
          '--dept',
          'AMR',
          '--kind',
          'penalties',
          '--gateway',
          system.gatewayUrl,
          '--quiet',
          'examples/import/amr-penalties-gb18030.csv',
        ],
        { env: { ...process.env, IMPORT_TOKEN: tokens.get('AMR'), NODE_OPTIONS: '' } },
      );
      expect(stderr).toContain('encoding: gb18030 (detected)');
      expect(stdout).toMatch(
        /^5 rows in [\d.]+ s \(\d+ rows\/s\): inserted 0, updated 0, unchanged 5, rejected 0\nnothing changed: every accepted row was already recorded with the same content$/m,
      );
    },
    HEAVY_TEST_MS,
  );
});
