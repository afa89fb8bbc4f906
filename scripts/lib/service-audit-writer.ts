import { loadAuditHmacKey } from '../../lib/audit/audit-hmac-key';
import { createAuditWriter } from '../../lib/audit/audit-writer';
import { auditTimeoutMs } from '../../lib/audit/audit-timeout';
import { groupCommitWindowMs } from '../../lib/audit/group-commit-window';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import { migrateAuditStore } from '../../lib/audit/migrate-audit-store';
import { postgresDatabase } from '../../lib/db/postgres-database';

/** A service's audit chain on the shared audit database, and how to close it. */
export interface ServiceAudit {
  writer: AuditWriter;
  close(): Promise<void>;
}

/**
 * Opens the audit writer of a service running alone: `AUDIT_DATABASE_URL` (or
 * `DATABASE_URL_AUDIT`) with `AUDIT_HMAC_KEY`. Without a URL there is no shared audit store for
 * separate processes (PGlite is one process): allowed in development only, where it returns
 * undefined and the service runs unaudited; production refuses to start (startSubgraph and
 * startGateway require a writer).
 */
export async function openServiceAudit(
  writerName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceAudit | undefined> {
  const url = env.AUDIT_DATABASE_URL ?? env.DATABASE_URL_AUDIT;
  if (!url) return undefined;
  const timeoutMs = auditTimeoutMs(env);
  const db = postgresDatabase(url, { maxConnections: 4, statementTimeoutMs: timeoutMs + 1000 });
  await migrateAuditStore(db);
  const writer = createAuditWriter({
    db,
    writer: writerName,
    hmacKey: await loadAuditHmacKey({ env }),
    maxDelayMs: groupCommitWindowMs(env),
    commitTimeoutMs: timeoutMs,
  });
  return {
    writer,
    async close() {
      await writer.close();
      await db.close();
    },
  };
}
