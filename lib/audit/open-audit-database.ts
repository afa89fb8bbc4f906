/**
 * Opens the audit store the way the system does, for the audit team's tools (scripts/audit.ts,
 * scripts/audit-verify.ts): `AUDIT_DATABASE_URL` or `DATABASE_URL_AUDIT` (production: its own
 * PostgreSQL database), else the embedded PGlite in `<dataDir>/pglite` (schema `audit`), then
 * applies the audit migrations.
 *
 * API:
 *   const { db, where } = await openAuditDatabase({ env: process.env });  // close db when done
 *
 * Only one process may open a PGlite data folder at a time, and PGlite does not stop a second one
 * (both would write the same files). While a PGlite instance has the folder open it holds
 * `postmaster.pid` there, so that file means the system is running: this refuses with
 * AuditStoreBusyError (stop the system, or run the audit store on a PostgreSQL server). After a
 * crash the file stays behind; `force: true` opens anyway once you are sure nothing runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { migrateAuditStore } from './migrate-audit-store';

/** Options of {@link openAuditDatabase}. */
export interface OpenAuditDatabaseOptions {
  /** Where `AUDIT_DATABASE_URL` and `DATA_DIR` are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Data folder of the embedded store; default `DATA_DIR` or `.data`. */
  dataDir?: string;
  /** Open the PGlite folder even though `postmaster.pid` is there; default false. */
  force?: boolean;
  /** On a PostgreSQL server, the server cancels statements running longer; default none. */
  statementTimeoutMs?: number;
}

/** The open audit store and a description of where it is (for messages). */
export interface OpenAuditDatabase {
  db: Database;
  where: string;
}

/** The audit store cannot be opened now; the message says what to do. */
export class AuditStoreBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditStoreBusyError';
  }
}

/** Opens (and migrates) the audit store; throws AuditStoreBusyError with advice when it cannot. */
export async function openAuditDatabase(
  options: OpenAuditDatabaseOptions = {},
): Promise<OpenAuditDatabase> {
  const env = options.env ?? process.env;
  // DATABASE_URL_AUDIT: the name the system gives a subgraph's own database (subgraph `audit`).
  const url = [env.AUDIT_DATABASE_URL, env.DATABASE_URL_AUDIT].find(
    (value) => value !== undefined && value !== '',
  );
  if (url !== undefined) {
    const db = await openDatabase({ url, statementTimeoutMs: options.statementTimeoutMs });
    try {
      await migrateAuditStore(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, where: 'PostgreSQL (AUDIT_DATABASE_URL)' };
  }
  const dataDir = join(options.dataDir ?? env.DATA_DIR ?? '.data', 'pglite');
  if (!existsSync(dataDir)) {
    throw new AuditStoreBusyError(
      `no audit store at ${dataDir}: start the system once (npm start) or set AUDIT_DATABASE_URL`,
    );
  }
  if (!(options.force ?? false) && existsSync(join(dataDir, 'postmaster.pid'))) {
    throw new AuditStoreBusyError(
      `the embedded store ${dataDir} is in use: the system (npm start) is running and holds it, ` +
        'and only one process may open it at a time. Stop the system and run this again, or run ' +
        'the audit store on a PostgreSQL server (AUDIT_DATABASE_URL) to use these tools while it ' +
        'runs. If nothing runs (the system crashed), pass --force.',
    );
  }
  let db: Database;
  try {
    db = await openDatabase({ dataDir });
  } catch (error) {
    throw new AuditStoreBusyError(
      `cannot open the embedded store ${dataDir} (${error instanceof Error ? error.message : String(error)}): ` +
        'is the system running? Stop it, or use a PostgreSQL server (AUDIT_DATABASE_URL).',
    );
  }
  try {
    await migrateAuditStore(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, where: `embedded PGlite ${dataDir}` };
}
