import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database';

const MIGRATION_FILE = /^(\d{3,})_[\w-]+\.sql$/;

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /**
   * Prefix of the versions recorded in `<schema>.schema_migrations`, so migrations shared by many
   * schemas (the kit's credit feed) never collide with a schema's own; default none.
   */
  versionPrefix?: string;
}

/** Where a shared migration names the schema it is applied to. */
const SCHEMA_PLACEHOLDER = /\{\{schema\}\}/g;

/**
 * Applies the versioned migrations in `dir` (files `NNN_name.sql`, in order) to `schema`, each in
 * its own transaction together with its row in `<schema>.schema_migrations`. Already applied
 * versions are skipped, so it runs on every start. An advisory lock keeps two instances of the
 * same service from migrating at once. `{{schema}}` in a file stands for `schema`.
 */
export async function migrate(
  db: Database,
  schema: string,
  dir: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const files = readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort();
  await db.exec(
    `CREATE SCHEMA IF NOT EXISTS ${schema};
     CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
       version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());`,
  );
  const applied: string[] = [];
  for (const file of files) {
    const version = `${options.versionPrefix ?? ''}${file.replace(/\.sql$/, '')}`;
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [schema]);
      const rows = await tx.query(`SELECT 1 FROM ${schema}.schema_migrations WHERE version = $1`, [
        version,
      ]);
      if (rows.length > 0) return true;
      await tx.exec(readFileSync(join(dir, file), 'utf8').replace(SCHEMA_PLACEHOLDER, schema));
      await tx.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [version]);
      return false;
    });
    if (!done) applied.push(version);
  }
  return applied;
}
