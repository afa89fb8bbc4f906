/**
 * Where the gateway gets the key that user JWTs are verified with (DESIGN §3):
 *   JWKS_URL=https://idp.example/jwks.json   the identity provider's key set (production)
 *   JWT_PUBLIC_KEY_FILE=/etc/credit/jwt.pem  one SPKI PEM public key, RSA or Ed25519 (production)
 *   neither                                  the dev `user-token` key in <dataDir>/keys/
 *                                            (refused when NODE_ENV=production)
 *
 * API:
 *   const { key, source } = await loadUserTokenKey({ env: process.env, dataDir: '.data' });
 *   createUserTokenVerifier({ key, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE });
 */
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRemoteJWKSet, errors } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { openKeyStore } from '../../lib/auth/key-store';
import { HttpError } from '../../lib/http/http-error';
import type { UserTokenKey } from './verify-user-token';

/** Options of {@link loadUserTokenKey}. */
export interface LoadUserTokenKeyOptions {
  /** Environment read for JWKS_URL, JWT_PUBLIC_KEY_FILE and NODE_ENV; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Data directory holding the dev keys (`<dataDir>/keys/`); default `.data`. */
  dataDir?: string;
}

/** The key and a one-line description of where it came from (for the startup log). */
export interface LoadedUserTokenKey {
  key: UserTokenKey;
  source: string;
}

/** Wraps a remote JWKS so that an unreachable identity provider is a 503, not a 401 or a 500. */
function remoteKeySet(url: URL): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(url);
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      // An unknown kid or alg is the token's fault: let the verifier answer 401.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSENotSupported) {
        throw error;
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new HttpError(
        503,
        `cannot load token signing keys from JWKS_URL: ${reason}`,
        'SERVICE_UNAVAILABLE',
      );
    }
  };
}

async function publicKeyFile(path: string): Promise<UserTokenKey> {
  const key = createPublicKey(await readFile(path, 'utf8'));
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `JWT_PUBLIC_KEY_FILE ${path} holds a ${key.asymmetricKeyType} key; use RSA (RS256) or Ed25519 (EdDSA)`,
    );
  }
  return key;
}

/** An empty variable (`JWKS_URL=`) counts as unset. */
function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Reads the user token verification key from the environment, or the dev key. */
export async function loadUserTokenKey(
  options: LoadUserTokenKeyOptions = {},
): Promise<LoadedUserTokenKey> {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === 'production';
  const jwksUrl = nonEmpty(env.JWKS_URL);
  const keyFile = nonEmpty(env.JWT_PUBLIC_KEY_FILE);
  if (jwksUrl && keyFile) {
    throw new Error('set either JWKS_URL or JWT_PUBLIC_KEY_FILE, not both');
  }
  if (jwksUrl) {
    const url = new URL(jwksUrl);
    if (production && url.protocol !== 'https:') {
      throw new Error(`JWKS_URL must use https in production, got ${url.protocol}`);
    }
    return { key: remoteKeySet(url), source: `JWKS ${url.href}` };
  }
  if (keyFile) return { key: await publicKeyFile(keyFile), source: `public key file ${keyFile}` };
  if (production) {
    throw new Error(
      'JWKS_URL or JWT_PUBLIC_KEY_FILE is required in production (dev keys are refused)',
    );
  }
  const dataDir = options.dataDir ?? '.data';
  const key = await openKeyStore(dataDir).publicKey('user-token');
  return { key, source: `dev key ${dataDir}/keys/user-token.public.pem` };
}
