/**
 * Creates or updates the audit store's schema `audit` (lib/audit/migrations) on a database: the
 * audit store's own PostgreSQL database in production, a schema of the shared PGlite embedded.
 *
 * API:
 *   await migrateAuditStore(db);   // idempotent, run on every start
 */
import { join } from 'node:path';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';

/** The schema every audit table lives in. */
export const AUDIT_SCHEMA = 'audit';

/** The audit store's versioned migrations. */
export const AUDIT_MIGRATIONS_DIR = join(__dirname, 'migrations');

/** Applies the audit migrations not applied yet; returns their versions. */
export function migrateAuditStore(db: Database): Promise<string[]> {
  return migrate(db, AUDIT_SCHEMA, AUDIT_MIGRATIONS_DIR);
}
