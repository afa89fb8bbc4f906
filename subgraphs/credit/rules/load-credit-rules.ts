import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog } from './load-catalog';
import { parseCreditRules } from './parse-credit-rules';
import type { Catalog, CreditRules } from './types';

/** The repository's policy folder. */
const POLICY_DIR = join(__dirname, '..', '..', '..', 'policy');

/** Options of {@link loadCreditRules}. */
export interface LoadCreditRulesOptions {
  /** The scoring rules file; default `<repo>/policy/credit-rules.yaml`. */
  path?: string;
  /** The catalog the rules score; default `loadCatalog()` (`<repo>/policy/catalog.yaml`). */
  catalog?: Catalog;
}

/** Reads and validates the scoring rules (with their catalog); throws naming every bad field. */
export function loadCreditRules(options: LoadCreditRulesOptions = {}): CreditRules {
  const path = options.path ?? join(POLICY_DIR, 'credit-rules.yaml');
  const catalog = options.catalog ?? loadCatalog();
  return parseCreditRules(
    readFileSync(path, 'utf8'),
    catalog,
    relative(process.cwd(), path) || path,
  );
}
