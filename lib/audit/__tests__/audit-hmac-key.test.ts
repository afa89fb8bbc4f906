import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditHmacKey } from '../audit-hmac-key';

describe('loadAuditHmacKey', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'audit-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a 32-byte development key file with mode 0600 on first use, then reuses it', async () => {
    const key = await loadAuditHmacKey({ dataDir, env: {} });
    const path = join(dataDir, 'keys', 'audit-hmac.key');
    expect(key.length).toBe(32);
    expect(readFileSync(path, 'utf8')).toBe(`${key.toString('hex')}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await loadAuditHmacKey({ dataDir, env: {} })).toEqual(key);
  });

  it('gives every concurrent first caller the same key', async () => {
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadAuditHmacKey({ dataDir, env: {} })),
    );
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
  });

  it('reads AUDIT_HMAC_KEY as hex or base64 and writes no file', async () => {
    const hex = 'ab'.repeat(32);
    expect(await loadAuditHmacKey({ dataDir, env: { AUDIT_HMAC_KEY: hex } })).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const base64 = Buffer.alloc(48, 5).toString('base64');
    expect(await loadAuditHmacKey({ dataDir, env: { AUDIT_HMAC_KEY: base64 } })).toEqual(
      Buffer.alloc(48, 5),
    );
    expect(() => statSync(join(dataDir, 'keys'))).toThrow();
  });

  it('refuses a short key', async () => {
    await expect(loadAuditHmacKey({ dataDir, env: { AUDIT_HMAC_KEY: 'abcd' } })).rejects.toThrow(
      'AUDIT_HMAC_KEY must hold at least 32 bytes (64 hex digits or base64), got 2',
    );
  });

  it('requires AUDIT_HMAC_KEY in production', async () => {
    await expect(loadAuditHmacKey({ dataDir, env: { NODE_ENV: 'production' } })).rejects.toThrow(
      'AUDIT_HMAC_KEY is required in production (NODE_ENV=production)',
    );
  });

  it('does not create a key for a reader (create: false)', async () => {
    await expect(loadAuditHmacKey({ dataDir, env: {}, create: false })).rejects.toThrow(
      `no audit HMAC key at ${join(dataDir, 'keys', 'audit-hmac.key')}: set AUDIT_HMAC_KEY to the key the writers use`,
    );
  });
});
