/**
 * `npm run token -- --dept COURT --roles officer --client officer` prints a dev user JWT signed
 * with the dev `user-token` key (generated into `<data-dir>/keys/` on first use). DESIGN §3.
 *
 * API (for tests and other scripts):
 *   tokenFromArgs(argv) -> Promise<string>   the token; throws TokenUsageError on bad input
 *   identityFromArgs(argv) -> TokenRequest    { identity, ttlSeconds, dataDir }, validated
 *   signTokenFor(request) -> Promise<string>  signs with <dataDir>/keys/user-token.private.pem
 *   TOKEN_USAGE                               the --help text
 */
import { parseArgs } from 'node:util';
import { CLIENT_TYPES, DEPARTMENTS } from '../lib/auth/caller';
import type { CallerIdentity } from '../lib/auth/caller';
import { DevIdentityError, devIdentity } from '../lib/auth/dev-identity';
import { openKeyStore } from '../lib/auth/key-store';
import { DEFAULT_USER_TOKEN_TTL_SECONDS, signUserToken } from '../lib/auth/user-token';

export const TOKEN_USAGE = `Prints a development JWT for the gateway (Authorization: Bearer <token>).

usage: npm run token -- [options]
  --client <type>     ${CLIENT_TYPES.join(' | ')}
                      (default: citizen with --person, org with --org, else officer)
  --dept <code>       ${DEPARTMENTS.join(' | ')}
                      (required for officer, system, auditor, developer; not for others)
  --roles <a,b>       comma-separated roles (default: none)
  --person <id>       18-character citizen id (required for, and only for, --client citizen)
  --org <uscc>        unified social credit code (required for, and only for, --client org)
  --sub <id>          subject (default: derived from client, dept, person or org)
  --ttl <duration>    lifetime: 3600, 90s, 30m, 8h, 1d (default: 8h); the gateway refuses
                      tokens living longer than JWT_MAX_LIFETIME_SECONDS (default a day)
  --data-dir <dir>    where the dev keys live, under <dir>/keys (default: $DATA_DIR or .data)
  --help              this text

examples:
  npm run token -- --dept COURT --roles officer --client officer
  npm run token -- --client citizen --person 11010519491231002X
  npm run token -- --client auditor --dept AUDIT --roles auditor`;

/** Bad command-line input; the message says what to change. */
export class TokenUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenUsageError';
  }
}

/** A parsed command line. */
export interface TokenRequest {
  identity: CallerIdentity;
  ttlSeconds: number;
  dataDir: string;
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function parseTtl(value: string | undefined): number {
  if (value === undefined) return DEFAULT_USER_TOKEN_TTL_SECONDS;
  const match = /^(\d+)([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * TTL_UNITS[match[2] === '' ? 's' : match[2]] : 0;
  if (!match || seconds <= 0) {
    throw new TokenUsageError(`--ttl ${value} is not a duration like 3600, 90s, 30m, 8h or 2d`);
  }
  return seconds;
}

const OPTIONS = {
  client: { type: 'string' },
  dept: { type: 'string' },
  roles: { type: 'string' },
  person: { type: 'string' },
  org: { type: 'string' },
  sub: { type: 'string' },
  ttl: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) whose message is written for users.
    const message = (error as { message?: unknown }).message;
    throw new TokenUsageError(typeof message === 'string' ? message : String(error));
  }
}

/** Parses and validates the command line (without --help). */
export function identityFromArgs(argv: readonly string[]): TokenRequest {
  const values = parseOptions(argv);
  let identity: CallerIdentity;
  try {
    identity = devIdentity(
      {
        client: values.client,
        dept: values.dept,
        roles: values.roles,
        person: values.person,
        org: values.org,
        sub: values.sub,
      },
      (field) => `--${field}`,
    );
  } catch (error) {
    if (error instanceof DevIdentityError) throw new TokenUsageError(error.message);
    throw error;
  }
  return {
    identity,
    ttlSeconds: parseTtl(values.ttl),
    dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? '.data',
  };
}

/** Signs the token a parsed command line asks for with the dev user-token key. */
export async function signTokenFor(request: TokenRequest): Promise<string> {
  const { privateKey } = await openKeyStore(request.dataDir).keyPair('user-token');
  return signUserToken(request.identity, { key: privateKey, ttlSeconds: request.ttlSeconds });
}

/** Parses the command line and signs the token it asks for. */
export async function tokenFromArgs(argv: readonly string[]): Promise<string> {
  return signTokenFor(identityFromArgs(argv));
}

async function main(argv: string[]): Promise<number> {
  try {
    if (parseOptions(argv).help === true) {
      console.log(TOKEN_USAGE);
      return 0;
    }
    const request = identityFromArgs(argv);
    const token = await signTokenFor(request);
    const expires = new Date(Date.now() + request.ttlSeconds * 1000).toISOString();
    // The token alone on stdout (for TOKEN=$(npm run -s token -- ...)); the rest on stderr.
    console.error(`dev token for ${JSON.stringify(request.identity)}, expires ${expires}`);
    console.log(token);
    return 0;
  } catch (error) {
    if (!(error instanceof TokenUsageError)) throw error;
    console.error(`npm run token: ${error.message}\n(npm run token -- --help for usage)`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
