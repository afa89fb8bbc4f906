import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseMeasures } from './parse-measures';
import type { MeasuresCatalog } from './types';

/** The repository's policy folder. */
const POLICY_DIR = join(__dirname, '..', '..', '..', 'policy');

/** Options of {@link loadMeasures}. */
export interface LoadMeasuresOptions {
  /** The measures catalog; default `<repo>/policy/measures.yaml`. */
  path?: string;
}

/** Reads and validates the joint measures catalog; throws naming every bad entry and field. */
export function loadMeasures(options: LoadMeasuresOptions = {}): MeasuresCatalog {
  const path = options.path ?? join(POLICY_DIR, 'measures.yaml');
  return parseMeasures(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}
