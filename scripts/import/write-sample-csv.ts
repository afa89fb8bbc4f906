import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../lib/import/import-encoding';

/** Options of {@link writeSampleCsv}. */
export interface WriteSampleCsvOptions {
  /** Default utf8. */
  encoding?: ImportEncoding;
  /** Start a UTF-8 file with a BOM, as Excel's "CSV UTF-8" does; default true (utf8 only). */
  bom?: boolean;
}

/** Writes a table as CSV (CRLF, as Excel writes it), streaming, in UTF-8 or GB18030. */
export async function writeSampleCsv(
  path: string,
  table: { headers: readonly string[]; rows: Iterable<readonly string[]> },
  options: WriteSampleCsvOptions = {},
): Promise<void> {
  const encoding = options.encoding ?? 'utf8';
  const out = createWriteStream(path);
  const put = async (text: string) => {
    if (!out.write(iconv.encode(text, encoding))) await once(out, 'drain');
  };
  if (encoding === 'utf8' && (options.bom ?? true)) await put('\uFEFF');
  await put(stringify([[...table.headers]], { record_delimiter: 'windows' }));
  for (const row of table.rows) await put(stringify([[...row]], { record_delimiter: 'windows' }));
  out.end();
  await once(out, 'close');
}
