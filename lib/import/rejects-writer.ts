import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RowRejection } from './import-row';

/** Writes `<name>.rejects.csv`; opened on the first rejection, so a clean import leaves none. */
export interface RejectsWriter {
  /** Adds a rejected row with the file's original cells. */
  add(rejection: RowRejection, cells: readonly string[]): Promise<void>;
  /** Rows written so far. */
  readonly count: number;
  /** Closes the file, or, when nothing was rejected, removes one left by an earlier run. */
  close(): Promise<void>;
}

const UTF8_BOM = '\uFEFF';

/**
 * The rejects file: UTF-8 with a BOM (Excel on a Chinese Windows opens it without garbling,
 * whatever the input's encoding), a header `行号 row, 列 column, 原因 reason` followed by the
 * input's own headers, then one line per rejected row with its original cells, so the clerk can
 * fix the rows in place and import the rejects file itself (its extra leading columns are read
 * past as unknown headers).
 */
export function createRejectsWriter(path: string, headers: readonly string[]): RejectsWriter {
  let stream: WriteStream | undefined;
  let count = 0;
  const write = async (line: string) => {
    if (!stream) {
      stream = createWriteStream(path, { encoding: 'utf8' });
      stream.write(UTF8_BOM + stringify([['行号 row', '列 column', '原因 reason', ...headers]]));
    }
    if (!stream.write(line)) await once(stream, 'drain');
  };
  return {
    async add(rejection, cells) {
      count += 1;
      await write(
        stringify([
          [String(rejection.rowNumber), rejection.column ?? '', rejection.reason, ...cells],
        ]),
      );
    },
    get count() {
      return count;
    },
    async close() {
      if (!stream) {
        await rm(path, { force: true });
        return;
      }
      stream.end();
      await once(stream, 'close');
    },
  };
}
