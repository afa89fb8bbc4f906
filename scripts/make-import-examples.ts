/**
 * `npm run examples:import` writes examples/import/: one small file per kind in CSV (UTF-8 with
 * BOM) and XLSX, plus `amr-penalties-gb18030.csv` with the rows of `amr-penalties.csv`. The rows
 * are synthetic (valid check characters, no real person) and deterministic: regenerating changes
 * no CSV byte and no XLSX cell. Files of ending kinds end the decisions of the matching file, so
 * examples/import/README.md gives the order to import them in.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_DECISION_KINDS } from '../lib/decision-kinds';
import { sampleDecisionRows } from './import/sample-decision-rows';
import { writeSampleCsv } from './import/write-sample-csv';
import { writeSampleXlsx } from './import/write-sample-xlsx';

/** Rows per example file. */
const EXAMPLE_ROWS = 5;

async function main(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  for (const kind of ALL_DECISION_KINDS) {
    const base = join(directory, `${kind.dept.toLowerCase()}-${kind.kind}`);
    const table = sampleDecisionRows(kind, { count: EXAMPLE_ROWS, persons: EXAMPLE_ROWS });
    await writeSampleCsv(`${base}.csv`, table);
    await writeSampleXlsx(`${base}.xlsx`, table);
    if (kind.dept === 'AMR' && kind.kind === 'penalties') {
      await writeSampleCsv(`${base}-gb18030.csv`, table, { encoding: 'gb18030' });
    }
    console.log(`${base}.csv, .xlsx: ${EXAMPLE_ROWS} rows`);
  }
}

main(process.argv[2] ?? join(__dirname, '..', 'examples', 'import')).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
