/**
 * Dev user tokens: the JWTs `npm run token` prints and the gateway verifies (DESIGN §3).
 *
 * API:
 *   DEV_USER_TOKEN_ISSUER  'credit-federation-dev'   (default `iss` checked by the gateway)
 *   USER_TOKEN_AUDIENCE    'credit-federation'       (default `aud` checked by the gateway)
 *   signUserToken(identity, { key, issuer?, audience?, ttlSeconds? }) -> Promise<string>
 * The identity is validated with the same rules as the gateway applies, so a token that signs
 * is a token the gateway accepts.
 */
import { SignJWT } from 'jose';
import type { KeyLike } from 'jose';
import type { CallerIdentity } from './caller';
import { callerIdentityFromClaims } from './caller-claims';

/** Issuer of dev user tokens (production tokens come from the county's identity provider). */
export const DEV_USER_TOKEN_ISSUER = 'credit-federation-dev';
/** Audience every user token must name. */
export const USER_TOKEN_AUDIENCE = 'credit-federation';
/** Default lifetime of a dev user token: a working day. */
export const DEFAULT_USER_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/** Options of {@link signUserToken}. */
export interface SignUserTokenOptions {
  /** Ed25519 private key (the key store's `user-token` pair); required. */
  key: KeyLike;
  /** `iss` claim; default DEV_USER_TOKEN_ISSUER. */
  issuer?: string;
  /** `aud` claim; default USER_TOKEN_AUDIENCE. */
  audience?: string;
  /** Lifetime in seconds; default 8 hours. */
  ttlSeconds?: number;
}

/** Signs an EdDSA user JWT carrying the identity claims of DESIGN §3. */
export async function signUserToken(
  identity: CallerIdentity,
  options: SignUserTokenOptions,
): Promise<string> {
  const claims = callerIdentityFromClaims(identity);
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_USER_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_USER_TOKEN_ISSUER)
    .setAudience(options.audience ?? USER_TOKEN_AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(options.key);
}
