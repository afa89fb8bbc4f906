import { access, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Department } from '../../lib/auth/caller';
import { devIdentity } from '../../lib/auth/dev-identity';
import { openKeyStore } from '../../lib/auth/key-store';
import { signUserToken } from '../../lib/auth/user-token';
import { ImportUsageError } from './import-usage-error';

/** Where the import's bearer token came from (printed, never the token itself). */
export interface ImportToken {
  token: string;
  source: 'token-file' | 'IMPORT_TOKEN' | 'dev-key';
}

const MAX_TOKEN_FILE_BYTES = 16 * 1024;
/** A dev import token lives as long as a dev token of `npm run token`: a working day. */
const DEV_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * The bearer token of the department's `system` client: from `--token-file` (a file only its
 * operator can read), else `$IMPORT_TOKEN`, else, outside production and when the development
 * key exists (`npm start` made it), a dev token signed on the spot as `npm run token -- --client
 * system --dept <CODE>` would. In production the county's identity provider issues the token;
 * it is never taken on the command line, where `ps` would show it.
 */
export async function resolveImportToken(
  dept: Department,
  options: { tokenFile?: string; dataDir: string; env?: NodeJS.ProcessEnv },
): Promise<ImportToken> {
  const env = options.env ?? process.env;
  if (options.tokenFile !== undefined) {
    const size = (
      await stat(options.tokenFile).catch(() => {
        throw new ImportUsageError(`--token-file ${options.tokenFile}: no such file`);
      })
    ).size;
    if (size > MAX_TOKEN_FILE_BYTES)
      throw new ImportUsageError(`--token-file is ${size} bytes: not a token`);
    return { token: (await readFile(options.tokenFile, 'utf8')).trim(), source: 'token-file' };
  }
  const fromEnv = env.IMPORT_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'IMPORT_TOKEN' };
  if (env.NODE_ENV === 'production') {
    throw new ImportUsageError(
      'no token: give --token-file or set IMPORT_TOKEN to the system-client token the identity provider issued to your department',
    );
  }
  const keyFile = join(options.dataDir, 'keys', 'user-token.private.pem');
  try {
    await access(keyFile);
  } catch {
    throw new ImportUsageError(
      `no token: give --token-file or set IMPORT_TOKEN (development: start the system once with npm start, which makes ${keyFile})`,
    );
  }
  const identity = devIdentity({ client: 'system', dept, sub: `import-${dept.toLowerCase()}` });
  const { privateKey } = await openKeyStore(options.dataDir).keyPair('user-token');
  return {
    token: await signUserToken(identity, { key: privateKey, ttlSeconds: DEV_TOKEN_TTL_SECONDS }),
    source: 'dev-key',
  };
}
