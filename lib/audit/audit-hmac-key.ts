/**
 * The key of the subject HMACs (subject-hmac.ts). Production: `AUDIT_HMAC_KEY` (64+ hex digits,
 * or base64 of 32+ bytes), required when NODE_ENV=production. Development: a random key in
 * `<dataDir>/keys/audit-hmac.key` (hex, mode 0600, under the git-ignored `.data/`), created on
 * first use. Every writer and the search CLI must use the same key.
 *
 * API:
 *   const key = await loadAuditHmacKey({ dataDir: '.data' });           // creates the dev key
 *   const key = await loadAuditHmacKey({ dataDir: '.data', create: false }); // search: never
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Options of {@link loadAuditHmacKey}. */
export interface LoadAuditHmacKeyOptions {
  /** Folder holding `keys/audit-hmac.key`; default `.data`. */
  dataDir?: string;
  /** Where `AUDIT_HMAC_KEY` and `NODE_ENV` are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Create the development key file when it is missing; default true. Readers (search) pass
   * false: a new key would never match the HMACs already stored.
   */
  create?: boolean;
}

/** Fewer bytes than this is refused: an HMAC key must not be guessable. */
const MIN_KEY_BYTES = 32;

/** The file name of the development key under `<dataDir>/keys/`. */
export const AUDIT_HMAC_KEY_FILE = 'audit-hmac.key';

function parseKey(text: string, source: string): Buffer {
  const value = text.trim();
  const key =
    /^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0
      ? Buffer.from(value, 'hex')
      : Buffer.from(value, 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(
      `${source} must hold at least ${MIN_KEY_BYTES} bytes (64 hex digits or base64), got ${key.length}`,
    );
  }
  return key;
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/** Creates the file unless it exists (two first starts: the first link wins, both read it). */
async function createKeyFile(path: string): Promise<void> {
  const content = `${randomBytes(MIN_KEY_BYTES).toString('hex')}\n`;
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  try {
    // link() never replaces an existing file and the linked file is complete when it appears.
    await link(temporary, path);
    await chmod(path, 0o600);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].some((code) => isErrno(error, code))) throw error;
    // File systems without hard links: an exclusive create.
    await writeFile(path, content, { mode: 0o600, flag: 'wx' }).catch((failure: unknown) => {
      if (!isErrno(failure, 'EEXIST')) throw failure;
    });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The audit HMAC key: from `AUDIT_HMAC_KEY`, else the development key file. */
export async function loadAuditHmacKey(options: LoadAuditHmacKeyOptions = {}): Promise<Buffer> {
  const env = options.env ?? process.env;
  const fromEnv = env.AUDIT_HMAC_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return parseKey(fromEnv, 'AUDIT_HMAC_KEY');
  if (env.NODE_ENV === 'production') {
    throw new Error('AUDIT_HMAC_KEY is required in production (NODE_ENV=production)');
  }
  const directory = join(options.dataDir ?? '.data', 'keys');
  const path = join(directory, AUDIT_HMAC_KEY_FILE);
  try {
    return parseKey(await readFile(path, 'utf8'), path);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    if (!(options.create ?? true)) {
      throw new Error(
        `no audit HMAC key at ${path}: set AUDIT_HMAC_KEY to the key the writers use`,
      );
    }
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await createKeyFile(path);
  return parseKey(await readFile(path, 'utf8'), path);
}
