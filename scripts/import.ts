/**
 * `npm run import -- --dept AMR --kind penalties examples/import/amr-penalties.csv`: imports a
 * department's decisions from a CSV or XLSX file through the running gateway, as the department's
 * `system` client (docs/IMPORT.md). Exit codes: scripts/import/import-exit-codes.ts.
 */
import { access } from 'node:fs/promises';
import { ImportFileError } from '../lib/import/import-file-error';
import { ImportGatewayError } from '../lib/import/import-gateway-error';
import { UnsupportedEncodingError } from '../lib/import/detect-encoding';
import { createGatewayImportClient } from '../lib/import/gateway-import-client';
import { importFile } from '../lib/import/import-file';
import { loadHeaderMapping } from '../lib/import/load-header-mapping';
import type { ImportProgress } from '../lib/import/import-progress';
import type { ImportSummary } from '../lib/import/import-summary';
import { describeKinds } from './import/describe-kinds';
import { IMPORT_EXIT_CODES } from './import/import-exit-codes';
import { IMPORT_USAGE } from './import/import-usage';
import { ImportUsageError } from './import/import-usage-error';
import { parseImportArgs } from './import/parse-import-args';
import { progressLine } from './import/progress-line';
import { resolveImportToken } from './import/resolve-import-token';

function progressReporter(quiet: boolean): { report(progress: ImportProgress): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  // On a terminal the bar redraws in place; in a log, a line every 10 s is enough.
  const intervalMs = tty ? 200 : 10_000;
  let last = 0;
  let drawn = false;
  return {
    report(progress) {
      if (quiet || performance.now() - last < intervalMs) return;
      last = performance.now();
      if (tty) {
        process.stderr.write(`\r${progressLine(progress)}\x1b[K`);
        drawn = true;
      } else process.stderr.write(`${progressLine(progress)}\n`);
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}

function summaryText(summary: ImportSummary): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const rate = summary.seconds > 0 ? Math.round(summary.rows / summary.seconds) : summary.rows;
  const verb = summary.dryRun ? 'dry run (nothing written): would insert' : 'inserted';
  const lines = [
    `${n(summary.rows)} rows in ${summary.seconds.toFixed(1)} s (${n(rate)} rows/s): ${verb} ${n(summary.inserted)}, updated ${n(summary.updated)}, unchanged ${n(summary.unchanged)}, rejected ${n(summary.rejected)}`,
  ];
  if (summary.rejected > 0) {
    lines.push(`rejected rows (row, column, reason, original values): ${summary.rejectsPath}`);
  }
  if (!summary.dryRun && summary.inserted + summary.updated === 0 && summary.unchanged > 0) {
    lines.push('nothing changed: every accepted row was already recorded with the same content');
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const request = parseImportArgs(argv);
  if (request.action === 'help') {
    console.log(IMPORT_USAGE);
    return IMPORT_EXIT_CODES.ok;
  }
  if (request.action === 'list-kinds') {
    console.log(describeKinds());
    return IMPORT_EXIT_CODES.ok;
  }
  const { command } = request;
  const { kind } = command;
  // File problems first: a clerk with a typo in the path should not be sent to fetch a token.
  await access(command.file).catch(() => {
    throw new ImportFileError(`${command.file}: no such file`);
  });
  const mapping = command.mappingPath ? await loadHeaderMapping(command.mappingPath) : undefined;
  const token = await resolveImportToken(kind.dept, command);
  console.error(
    `import ${kind.dept} ${kind.kind} from ${command.file} to ${command.gatewayUrl} (${token.source === 'dev-key' ? 'development token' : `token from ${token.source}`}, purpose ${command.purpose}, case ${command.caseRef}${command.dryRun ? ', dry run' : ''})`,
  );
  const send = createGatewayImportClient(kind, {
    gatewayUrl: command.gatewayUrl,
    token: token.token,
    caseRef: command.caseRef,
    purpose: command.purpose,
  });
  const progress = progressReporter(command.quiet);
  let summary: ImportSummary;
  try {
    summary = await importFile({
      path: command.file,
      kind,
      send,
      encoding: command.encoding,
      mapping,
      dryRun: command.dryRun,
      batchRows: command.batchRows,
      rejectsPath: command.rejectsPath,
      onProgress: (state) => progress.report(state),
    });
  } finally {
    progress.end();
  }
  if (summary.encoding) console.error(`encoding: ${summary.encoding} (${summary.encodingSource})`);
  if (summary.unknownHeaders.length > 0) {
    console.error(
      `columns read past (unknown; map them with --mapping if they matter): ${summary.unknownHeaders.join(', ')}`,
    );
  }
  console.log(summaryText(summary));
  return summary.rejected > 0 ? IMPORT_EXIT_CODES.rowsRejected : IMPORT_EXIT_CODES.ok;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof ImportUsageError) return IMPORT_EXIT_CODES.usage;
  if (error instanceof ImportFileError || error instanceof UnsupportedEncodingError)
    return IMPORT_EXIT_CODES.file;
  if (error instanceof ImportGatewayError) return IMPORT_EXIT_CODES.gateway;
  return IMPORT_EXIT_CODES.internal;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const code = exitCodeOf(error);
      const message =
        code === IMPORT_EXIT_CODES.internal && error instanceof Error
          ? (error.stack ?? error.message)
          : error instanceof Error
            ? error.message
            : String(error);
      console.error(`npm run import: ${message}`);
      if (code === IMPORT_EXIT_CODES.usage) console.error('(npm run import -- --help for usage)');
      if (code === IMPORT_EXIT_CODES.gateway) {
        console.error(
          'rows of batches answered before this were written; importing the same file again is safe',
        );
      }
      process.exitCode = code;
    },
  );
}
