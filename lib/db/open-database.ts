import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database';
import { pgliteDatabase } from './pglite-database';
import { postgresDatabase } from './postgres-database';

/** Opens (creating if needed) the embedded PGlite instance in `dataDir`; `undefined` = in memory. */
export async function openEmbeddedPostgres(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  return pg;
}

/**
 * A database for one subgraph: its own PostgreSQL database if `url` is set, else PGlite.
 * `statementTimeoutMs` lets a PostgreSQL server cancel a statement its caller gave up on (PGlite
 * cannot cancel one; callers bound their wait with withQueryTimeout).
 */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  statementTimeoutMs?: number;
}): Promise<Database> {
  if (options.url) {
    return postgresDatabase(options.url, { statementTimeoutMs: options.statementTimeoutMs });
  }
  return pgliteDatabase(await openEmbeddedPostgres(options.dataDir), { ownsInstance: true });
}
