import { basename, dirname, extname, join } from 'node:path';

/** Where the rejects of an input go: `a/b/penalties.csv` -> `a/b/penalties.rejects.csv`. */
export function rejectsPathFor(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.rejects.csv`);
}
