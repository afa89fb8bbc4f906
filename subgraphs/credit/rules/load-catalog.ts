import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCatalog } from './parse-catalog';
import type { Catalog } from './types';

/** The repository's policy folder. */
const POLICY_DIR = join(__dirname, '..', '..', '..', 'policy');

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /** The catalog file; default `<repo>/policy/catalog.yaml`. */
  path?: string;
}

/** Reads and validates the credit catalog; throws naming every bad item and field. */
export function loadCatalog(options: LoadCatalogOptions = {}): Catalog {
  const path = options.path ?? join(POLICY_DIR, 'catalog.yaml');
  return parseCatalog(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}
