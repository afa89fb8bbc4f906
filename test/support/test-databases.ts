import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Database } from '../../subgraphs/kit/db/database';
import { openEmbeddedPostgres } from '../../subgraphs/kit/db/open-database';
import { pgliteDatabase } from '../../subgraphs/kit/db/pglite-database';
import { postgresDatabase } from '../../subgraphs/kit/db/postgres-database';

/** Where integration tests keep data: embedded PGlite or the PostgreSQL server. */
export type DbMode = 'pglite' | 'postgres';

/** Both modes unless `TEST_DB_MODES` (comma-separated) narrows them. */
export const DB_MODES: DbMode[] = (process.env.TEST_DB_MODES ?? 'pglite,postgres')
  .split(',')
  .map((mode) => mode.trim())
  .filter((mode): mode is DbMode => mode === 'pglite' || mode === 'postgres');

/** The PostgreSQL server tests create their databases on. */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One database per subgraph name, and how to drop them all. */
export interface TestDatabases {
  dbs: Record<string, Database>;
  close(): Promise<void>;
}

/**
 * Opens a fresh database per name: views of one in-memory PGlite (as the embedded default
 * shares one instance), or real databases `cf_test_<random>_<name>` on the server, dropped on close.
 */
export async function openTestDatabases(
  mode: DbMode,
  names: readonly string[],
): Promise<TestDatabases> {
  if (mode === 'pglite') {
    const pg = await openEmbeddedPostgres();
    const dbs = Object.fromEntries(names.map((name) => [name, pgliteDatabase(pg)]));
    return { dbs, close: () => pg.close() };
  }
  const prefix = `cf_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  const dbs: Record<string, Database> = {};
  try {
    for (const name of names) {
      await admin.query(`CREATE DATABASE ${prefix}_${name}`);
      const url = new URL(TEST_PG_ADMIN_URL);
      url.pathname = `/${prefix}_${name}`;
      dbs[name] = postgresDatabase(url.toString(), { maxConnections: 4 });
    }
  } catch (error) {
    await admin.end();
    throw error;
  }
  return {
    dbs,
    async close() {
      for (const db of Object.values(dbs)) await db.close();
      for (const name of names)
        await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Empty databases on the server, one per name, as URLs (for code that opens its own pools). */
export interface TestDatabaseUrls {
  urls: Record<string, string>;
  drop(): Promise<void>;
}

/** Creates `cf_test_<random>_<name>` databases on the server and returns their URLs. */
export async function createTestDatabaseUrls(names: readonly string[]): Promise<TestDatabaseUrls> {
  const prefix = `cf_test_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  const urls: Record<string, string> = {};
  for (const name of names) {
    await admin.query(`CREATE DATABASE ${prefix}_${name}`);
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${prefix}_${name}`;
    urls[name] = url.toString();
  }
  return {
    urls,
    async drop() {
      for (const name of names) {
        await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${name} WITH (FORCE)`);
      }
      await admin.end();
    },
  };
}
