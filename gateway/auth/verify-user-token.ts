/**
 * Authenticates the user behind a gateway request from `Authorization: Bearer <JWT>` (DESIGN §3).
 *
 * API:
 *   const verify = createUserTokenVerifier({ key });   // key: see loadUserTokenKey
 *   const identity = await verify(req.headers.authorization);   // CallerIdentity (no purpose yet)
 *
 * Accepted: EdDSA or RS256 signatures only (so `alg: none` and HS256-with-the-public-key are
 * refused), the configured issuer and audience, a required `exp` no further than the maximum
 * lifetime after `iat` (or now, without one: a long-lived token is refused however it is dated), and
 * identity claims that pass callerIdentityFromClaims. Every refusal is HttpError(401, <what is wrong>, 'UNAUTHENTICATED').
 * A request without a token is the anonymous `public` client unless `allowAnonymousPublic` is false.
 *
 * A token that passed is remembered (by its SHA-256, bounded LRU) until it would be refused anyway
 * (`exp` plus the clock tolerance), and at most 5 minutes, so a key removed from a JWKS stops
 * working about as soon as jose's own JWKS cache would notice: the same token again costs a hash,
 * not a signature check. Nothing else changes: every check above ran on the first verification,
 * and a token's remaining lifetime only shrinks.
 */
import { errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey, JWTVerifyOptions, KeyLike } from 'jose';
import type { CallerIdentity } from '../../lib/auth/caller';
import { InvalidClaimsError, callerIdentityFromClaims } from '../../lib/auth/caller-claims';
import { DEV_USER_TOKEN_ISSUER, USER_TOKEN_AUDIENCE } from '../../lib/auth/user-token';
import { HttpError } from '../../lib/http/http-error';
import { createVerifiedTokenCache } from './verified-token-cache';

/** A verification key, or a key resolver such as jose's createRemoteJWKSet. */
export type UserTokenKey = KeyLike | JWTVerifyGetKey;

/** Options of {@link createUserTokenVerifier}. */
export interface UserTokenVerifierOptions {
  /** Public key or JWKS resolver the tokens are verified with (see loadUserTokenKey); required. */
  key: UserTokenKey;
  /** Required `iss`; default DEV_USER_TOKEN_ISSUER (`credit-federation-dev`). */
  issuer?: string;
  /** Required `aud`; default USER_TOKEN_AUDIENCE (`credit-federation`). */
  audience?: string;
  /** Allowed clock skew for exp/nbf, in seconds; default 30. */
  clockToleranceSeconds?: number;
  /** Treat a request without Authorization as the anonymous `public` client; default true. */
  allowAnonymousPublic?: boolean;
  /**
   * Longest lifetime (`exp` − `iat`) accepted, in seconds; default 86,400 (24 hours: a working
   * day's token fits, a token minted for weeks does not).
   */
  maxLifetimeSeconds?: number;
  /** Most verified tokens remembered (see the file comment); default 10,000; 0 remembers none. */
  cacheSize?: number;
}

/** Longest time a verified token is remembered without a new signature check. */
const CACHE_AT_MOST_MS = 5 * 60 * 1000;

/** Default longest user token lifetime: a day. */
export const DEFAULT_MAX_USER_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Checks one Authorization header value. */
export type UserTokenVerifier = (
  authorizationHeader: string | undefined,
) => Promise<CallerIdentity>;

/** The caller of a request that carries no token: reads public disclosures only. */
export const ANONYMOUS_PUBLIC_CALLER: Readonly<CallerIdentity> = Object.freeze({
  sub: 'anonymous',
  clientType: 'public',
  roles: [],
});

const ALGORITHMS = ['EdDSA', 'RS256'];

function unauthenticated(message: string): HttpError {
  return new HttpError(401, message, 'UNAUTHENTICATED');
}

function claimFailure(error: InstanceType<typeof errors.JWTClaimValidationFailed>): HttpError {
  const { claim, reason } = error;
  if (reason === 'missing') return unauthenticated(`token has no ${claim} claim`);
  if (reason === 'invalid') return unauthenticated(`token claim ${claim} is invalid`);
  switch (claim) {
    case 'iss':
      return unauthenticated('token issuer is wrong');
    case 'aud':
      return unauthenticated('token audience is wrong');
    case 'nbf':
      return unauthenticated('token is not yet valid');
    default:
      return unauthenticated(`token claim ${claim} check failed`);
  }
}

/** Turns whatever jwtVerify threw into the 401 that tells the client what to fix. */
function toHttpError(error: unknown): Error {
  if (error instanceof HttpError) return error; // e.g. the JWKS endpoint is unreachable (503)
  if (error instanceof errors.JWTExpired) return unauthenticated('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) return claimFailure(error);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthenticated('token signature invalid');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated(`token algorithm is not allowed (use ${ALGORITHMS.join(' or ')})`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return unauthenticated('token signing key is unknown (no matching key in the JWKS)');
  }
  if (error instanceof errors.JOSEError) return unauthenticated('token is malformed');
  // node:crypto refuses a key of another type than the token's alg (RS256 vs Ed25519).
  if (error instanceof TypeError && error.message.startsWith('Invalid key for this operation')) {
    return unauthenticated('token algorithm does not match the signing key');
  }
  return error instanceof Error ? error : new Error(String(error));
}

function bearerToken(header: string): string {
  const match = /^(\S+)\s+(\S+)$/.exec(header.trim());
  if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
  if (match[1].toLowerCase() !== 'bearer') {
    throw unauthenticated(`Authorization scheme must be Bearer, not ${match[1]}`);
  }
  return match[2];
}

/** Builds the gateway's user token check. */
export function createUserTokenVerifier(options: UserTokenVerifierOptions): UserTokenVerifier {
  const { key } = options;
  const allowAnonymousPublic = options.allowAnonymousPublic ?? true;
  const verifyOptions: JWTVerifyOptions = {
    algorithms: ALGORITHMS,
    issuer: options.issuer ?? DEV_USER_TOKEN_ISSUER,
    audience: options.audience ?? USER_TOKEN_AUDIENCE,
    clockTolerance: options.clockToleranceSeconds ?? 30,
    requiredClaims: ['exp'],
  };
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_USER_TOKEN_LIFETIME_SECONDS;
  const clockTolerance = options.clockToleranceSeconds ?? 30;
  const cacheSize = options.cacheSize ?? 10_000;
  if (!Number.isInteger(cacheSize) || cacheSize < 0 || cacheSize > 1_000_000) {
    throw new Error(`cacheSize must be an integer from 0 to 1,000,000, got ${cacheSize}`);
  }
  const verified = createVerifiedTokenCache(cacheSize);
  const verifySignature = (token: string) =>
    typeof key === 'function'
      ? jwtVerify(token, key, verifyOptions)
      : jwtVerify(token, key, verifyOptions);

  return async (authorizationHeader) => {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
      if (allowAnonymousPublic) return { ...ANONYMOUS_PUBLIC_CALLER, roles: [] };
      throw unauthenticated('missing Authorization header (expected "Bearer <token>")');
    }
    const token = bearerToken(authorizationHeader);
    const remembered = verified.get(token);
    if (remembered) return remembered;
    let payload: JWTPayload;
    try {
      ({ payload } = await verifySignature(token));
    } catch (error) {
      throw toHttpError(error);
    }
    // The whole lifetime from `iat`; a token without one (or dated in the future) counts from
    // now: what it has left must fit too. jwtVerify checked that exp (and any iat) are numbers.
    const now = Math.floor(Date.now() / 1000);
    const lifetime = Number(payload.exp) - Math.min(payload.iat ?? now, now);
    if (lifetime > maxLifetime) {
      throw unauthenticated(
        `token lifetime ${lifetime} s is longer than the ${maxLifetime} s this gateway accepts`,
      );
    }
    let identity: CallerIdentity;
    try {
      identity = callerIdentityFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidClaimsError) throw unauthenticated(`token ${error.message}`);
      throw error;
    }
    const validUntilMs = Math.min(
      (Number(payload.exp) + clockTolerance) * 1000,
      Date.now() + CACHE_AT_MOST_MS,
    );
    verified.set(token, identity, validUntilMs);
    return identity;
  };
}
