import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../subgraphs/kit/db/database';
import { openEmbeddedPostgres } from '../../subgraphs/kit/db/open-database';
import { pgliteDatabase } from '../../subgraphs/kit/db/pglite-database';
import { postgresDatabase } from '../../subgraphs/kit/db/postgres-database';

/** Options of {@link openSystemDatabases}. */
export interface SystemDatabasesOptions {
  /** Folder of the embedded store; PGlite keeps its files in `<dataDir>/pglite`. Default `.data`. */
  dataDir?: string;
  /** Every subgraph that needs a database (also its schema name); required. */
  subgraphNames: readonly string[];
  /** Where `DATABASE_URL_<NAME>` is read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Server-side statement timeout of some subgraphs' server databases, by name; default none. */
  statementTimeoutMs?: Readonly<Record<string, number>>;
}

/** The databases of all subgraphs of one system, and how to release them. */
export interface SystemDatabases {
  /** Database of each subgraph by name. */
  dbs: Record<string, Database>;
  /** `postgres` when every subgraph has its own server database, else `embedded`. */
  mode: 'embedded' | 'postgres';
  /** Closes the server pools and the shared PGlite (once); safe to call twice. */
  close(): Promise<void>;
}

/** The variable naming a subgraph's own PostgreSQL database, e.g. `DATABASE_URL_TAX`. */
export function databaseUrlVariable(subgraphName: string): string {
  return `DATABASE_URL_${subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Opens one Database per subgraph. A subgraph whose `DATABASE_URL_<NAME>` is set gets its own
 * PostgreSQL server database; all the others share ONE embedded PGlite in `<dataDir>/pglite`
 * (each in its own schema: an instance costs about 190 MB). Mixing is allowed: e.g. only
 * `DATABASE_URL_CREDIT` set runs the credit platform on the server and the departments embedded.
 */
export async function openSystemDatabases(
  options: SystemDatabasesOptions,
): Promise<SystemDatabases> {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? '.data';
  const dbs: Record<string, Database> = {};
  let embedded: PGlite | undefined;
  const closeAll = async () => {
    // Views of the shared PGlite do not own it: it is closed once, after the server pools.
    for (const db of Object.values(dbs)) await db.close();
    await embedded?.close();
  };
  try {
    for (const name of options.subgraphNames) {
      const url = env[databaseUrlVariable(name)];
      if (url !== undefined && url !== '') {
        dbs[name] = postgresDatabase(url, {
          statementTimeoutMs: options.statementTimeoutMs?.[name],
        });
      } else {
        embedded ??= await openEmbeddedPostgres(join(dataDir, 'pglite'));
        dbs[name] = pgliteDatabase(embedded);
      }
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    dbs,
    mode: embedded ? 'embedded' : 'postgres',
    close: () => (closing ??= closeAll()),
  };
}
