import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditStoreBusyError, openAuditDatabase } from '../open-audit-database';

describe('openAuditDatabase (embedded)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'audit-open-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses while a running system holds the PGlite folder, and says what to do', async () => {
    mkdirSync(join(dataDir, 'pglite'));
    writeFileSync(join(dataDir, 'pglite', 'postmaster.pid'), '-42\n/pglite/data\n');
    const opening = openAuditDatabase({ dataDir, env: {} });
    await expect(opening).rejects.toThrow(AuditStoreBusyError);
    await expect(opening).rejects.toThrow(
      `the embedded store ${join(dataDir, 'pglite')} is in use: the system (npm start) is running ` +
        'and holds it, and only one process may open it at a time. Stop the system and run this ' +
        'again, or run the audit store on a PostgreSQL server (AUDIT_DATABASE_URL) to use these ' +
        'tools while it runs. If nothing runs (the system crashed), pass --force.',
    );
  });

  it('does not create an empty store where there is none', async () => {
    await expect(openAuditDatabase({ dataDir, env: {} })).rejects.toThrow(
      `no audit store at ${join(dataDir, 'pglite')}: start the system once (npm start) or set AUDIT_DATABASE_URL`,
    );
  });
});
