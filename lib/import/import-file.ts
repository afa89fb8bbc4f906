import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DecisionKind } from '../decision-kinds';
import type { ColumnPlan } from './column-plan';
import { detectEncoding } from './detect-encoding';
import type { SendBatch } from './gateway-import-client';
import type { HeaderMapping } from './header-mapping';
import type { ImportEncoding } from './import-encoding';
import { ImportFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportProgress } from './import-progress';
import type { ImportRow, RowRejection } from './import-row';
import type { ImportSummary } from './import-summary';
import { planColumns } from './plan-columns';
import { readCsvRows } from './read-csv-rows';
import { readXlsxRows } from './read-xlsx-rows';
import { rejectsPathFor } from './rejects-path-for';
import { createRejectsWriter } from './rejects-writer';
import { rowToImportRow } from './row-to-import-row';
import type { SourceRow } from './source-row';

/** Options of {@link importFile}. */
export interface ImportFileOptions {
  /** The .csv or .xlsx file. */
  path: string;
  kind: DecisionKind;
  /** Sends one batch to the server (gateway-import-client). */
  send: SendBatch;
  /** CSV text encoding; default detected (BOM, valid UTF-8, else GB18030). */
  encoding?: ImportEncoding;
  mapping?: HeaderMapping;
  /** Validate only: the server checks every row and writes nothing; default false. */
  dryRun?: boolean;
  /** Rows per batch, 1 to IMPORT_LIMITS.maxBatchRows; default IMPORT_LIMITS.defaultBatchRows. */
  batchRows?: number;
  /** Where rejected rows go; default `<name>.rejects.csv` beside the input. */
  rejectsPath?: string;
  /** Called after every batch; default none. */
  onProgress?: (progress: ImportProgress) => void;
}

/** A batch on its way: the rows sent, their original cells, and the reader's rejections in it. */
interface Batch {
  rows: ImportRow[];
  cells: Map<number, string[]>;
  readerRejections: { rejection: RowRejection; cells: string[] }[];
  valueBytes: number;
}

const newBatch = (): Batch => ({ rows: [], cells: new Map(), readerRejections: [], valueBytes: 0 });

const ENCODING_SAMPLE_BYTES = 64 * 1024;

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(ENCODING_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function formatOf(path: string): 'csv' | 'xlsx' {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.xls' || extension === '.et') {
    throw new ImportFileError(
      `${basename(path)} is an old Excel/WPS workbook: save it as .xlsx or .csv`,
    );
  }
  throw new ImportFileError(`${basename(path)}: only .csv and .xlsx files are imported`);
}

function valueBytes(row: ImportRow): number {
  return row.values.reduce(
    (sum, { field, value }) => sum + Buffer.byteLength(value) + field.length + 32,
    16,
  );
}

function columnOf(plan: ColumnPlan, field: string | null): string | null {
  if (field === null) return null;
  return plan.columns.find((column) => column.field?.name === field)?.header ?? field;
}

/**
 * Imports one file: reads it as a stream, maps its headers to the kind's fields, sends the rows in
 * batches to the server (one batch in flight while the next is read) and writes every rejected row
 * to the rejects file in row order within each batch. Memory holds two batches, whatever the file
 * size. Throws ImportFileError for a file-level problem (before anything is sent, except the row
 * limit) and ImportGatewayError when the gateway refuses; rows of batches answered before were
 * written, and importing the same file again writes nothing twice.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { path, kind } = options;
  const format = formatOf(path);
  const size = (
    await stat(path).catch(() => {
      throw new ImportFileError(`${path}: no such file`);
    })
  ).size;
  if (size > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileError(
      `${basename(path)} is ${size} bytes, more than the ${IMPORT_LIMITS.maxFileBytes} an import takes: split it`,
    );
  }
  const batchRows = options.batchRows ?? IMPORT_LIMITS.defaultBatchRows;
  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > IMPORT_LIMITS.maxBatchRows) {
    throw new ImportFileError(
      `batch size ${batchRows} is not a whole number from 1 to ${IMPORT_LIMITS.maxBatchRows}`,
    );
  }
  const dryRun = options.dryRun ?? false;
  let encoding: ImportEncoding | undefined;
  let encodingSource: 'detected' | 'option' | undefined;
  if (format === 'csv') {
    encodingSource = options.encoding ? 'option' : 'detected';
    encoding = options.encoding ?? detectEncoding(await readSample(path)).encoding;
  }
  let bytesRead = 0;
  const onBytes = (bytes: number) => {
    bytesRead += bytes;
  };
  const rows: AsyncGenerator<SourceRow> =
    format === 'csv'
      ? readCsvRows(path, { encoding: encoding ?? 'utf8', onBytes })
      : readXlsxRows(path, { onBytes });

  const header = await rows.next();
  if (header.done || header.value.cells.every((cell) => cell.trim() === '')) {
    throw new ImportFileError(`${basename(path)} has no header row`);
  }
  if (header.value.problem) {
    throw new ImportFileError(
      `the header row of ${basename(path)} cannot be read: ${header.value.problem}`,
    );
  }
  const headers = header.value.cells.map((cell) => cell.trim());
  const plan = planColumns(headers, kind, options.mapping);
  const rejectsPath = options.rejectsPath ?? rejectsPathFor(path);
  const rejects = createRejectsWriter(rejectsPath, headers);

  const totals = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejectedByReader: 0 };
  const progress = (): ImportProgress => ({
    rows: totals.rows,
    bytesRead,
    totalBytes: size,
    inserted: totals.inserted,
    updated: totals.updated,
    unchanged: totals.unchanged,
    rejected: rejects.count,
    seconds: (performance.now() - started) / 1000,
  });

  const settle = async (batch: Batch) => {
    const result = batch.rows.length > 0 ? await options.send(batch.rows, dryRun) : undefined;
    const all = [...batch.readerRejections];
    for (const rejected of result?.rejected ?? []) {
      all.push({
        rejection: {
          rowNumber: rejected.rowNumber,
          column: columnOf(plan, rejected.field),
          reason: rejected.reason,
        },
        cells: batch.cells.get(rejected.rowNumber) ?? [],
      });
    }
    all.sort((a, b) => a.rejection.rowNumber - b.rejection.rowNumber);
    for (const { rejection, cells } of all) await rejects.add(rejection, cells);
    if (result) {
      totals.inserted += result.inserted;
      totals.updated += result.updated;
      totals.unchanged += result.unchanged;
    }
    options.onProgress?.(progress());
  };

  let inFlight: Promise<void> | undefined;
  let batch = newBatch();
  const dispatch = async () => {
    const full = batch;
    batch = newBatch();
    if (inFlight) await inFlight;
    inFlight = settle(full);
    // Surface a failure at the next await, not as an unhandled rejection meanwhile.
    inFlight.catch(() => undefined);
  };

  try {
    for await (const source of rows) {
      totals.rows += 1;
      if (totals.rows > IMPORT_LIMITS.maxRows) {
        throw new ImportFileError(
          `${basename(path)} has more than ${IMPORT_LIMITS.maxRows} rows: split it (rows up to ${source.rowNumber - 1} were sent)`,
        );
      }
      const converted = rowToImportRow(source, plan);
      if (!converted.ok) {
        totals.rejectedByReader += 1;
        batch.readerRejections.push({ rejection: converted.rejection, cells: source.cells });
        continue;
      }
      const bytes = valueBytes(converted.row);
      if (batch.rows.length > 0 && batch.valueBytes + bytes > IMPORT_LIMITS.maxBatchValueBytes)
        await dispatch();
      batch.rows.push(converted.row);
      batch.cells.set(source.rowNumber, source.cells);
      batch.valueBytes += bytes;
      if (batch.rows.length >= batchRows) await dispatch();
    }
    await dispatch();
    await inFlight;
  } finally {
    await rows.return(undefined);
    await rejects.close();
  }
  return {
    format,
    encoding,
    encodingSource,
    dryRun,
    rows: totals.rows,
    inserted: totals.inserted,
    updated: totals.updated,
    unchanged: totals.unchanged,
    rejected: rejects.count,
    rejectedByReader: totals.rejectedByReader,
    rejectsPath: rejects.count > 0 ? rejectsPath : null,
    unknownHeaders: plan.unknownHeaders,
    seconds: (performance.now() - started) / 1000,
  };
}
