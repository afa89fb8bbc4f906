/**
 * `npm run examples:import` writes examples/import/: one small file per kind in CSV (UTF-8 with
 * BOM) and XLSX, plus `amr-penalties-gb18030.csv` with the rows of `amr-penalties.csv`, and
 * refreshes the column tables of docs/IMPORT.md. The rows are synthetic and deterministic; where
 * the server checks that a person, an enforcement case or an enterprise exists, they name those of
 * the county seeded with EXAMPLES_SEED (`npm run seed -- --persons 120 --as-of 2026-12-01`, as the
 * tests seed it). For another county:
 *
 *   npm run examples:import -- [--persons 5000] [--seed 2018] [--as-of yyyy-mm-dd] [--out dir]
 *
 * Regenerating changes no CSV byte and no XLSX cell (XLSX zip entries carry the write time).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_DECISION_KINDS } from '../lib/decision-kinds';
import { EXAMPLES_SEED, exampleSubjects } from './import/example-subjects';
import { kindsMarkdown } from './import/kinds-markdown';
import { sampleDecisionRows } from './import/sample-decision-rows';
import { writeSampleCsv } from './import/write-sample-csv';
import { writeSampleXlsx } from './import/write-sample-xlsx';

/** Rows per example file. */
const EXAMPLE_ROWS = 5;
const DOCS = join(__dirname, '..', 'docs', 'IMPORT.md');

async function refreshDocs(): Promise<void> {
  const text = await readFile(DOCS, 'utf8');
  const start = '<!-- kinds:start -->';
  const end = '<!-- kinds:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOCS} lacks ${start} … ${end}`);
  await writeFile(
    DOCS,
    `${text.slice(0, from + start.length)}\n${kindsMarkdown()}\n${text.slice(to)}`,
  );
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      persons: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const county = {
    persons: Number(values.persons ?? EXAMPLES_SEED.persons),
    seed: Number(values.seed ?? EXAMPLES_SEED.seed),
    asOf: values['as-of'] ?? EXAMPLES_SEED.asOf,
  };
  const directory = values.out ?? join(__dirname, '..', 'examples', 'import');
  const subjects = exampleSubjects(county);
  await mkdir(directory, { recursive: true });
  for (const kind of ALL_DECISION_KINDS) {
    const base = join(directory, `${kind.dept.toLowerCase()}-${kind.kind}`);
    const table = sampleDecisionRows(kind, {
      count: EXAMPLE_ROWS,
      persons: EXAMPLE_ROWS,
      subjects,
    });
    await writeSampleCsv(`${base}.csv`, table);
    await writeSampleXlsx(`${base}.xlsx`, table);
    if (kind.dept === 'AMR' && kind.kind === 'penalties') {
      await writeSampleCsv(`${base}-gb18030.csv`, table, { encoding: 'gb18030' });
    }
  }
  console.log(
    `${directory}: ${ALL_DECISION_KINDS.length} kinds × CSV and XLSX, ${EXAMPLE_ROWS} rows each, for the county seeded with --persons ${county.persons} --seed ${county.seed} --as-of ${county.asOf}`,
  );
  if (values.out === undefined) await refreshDocs();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
