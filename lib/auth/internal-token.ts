/**
 * Internal context tokens (DESIGN §1, §3): the short-lived EdDSA (Ed25519) JWT the gateway (or the credit
 * collector) attaches to every subgraph fetch in header `x-internal-context`. It carries the whole
 * Caller and the request id; its audience is the one subgraph it is meant for.
 *
 * API:
 *   INTERNAL_CONTEXT_HEADER = 'x-internal-context'
 *   GATEWAY_ISSUER = 'credit-federation-gateway', COLLECTOR_ISSUER = 'credit-collector'
 *   COLLECTOR_CALLER   the collector's identity (system, NDRC, roles ['credit-collector'])
 *   signInternalToken(caller, { audience, requestId, issuer, key, ttlSeconds? }) -> Promise<string>
 *   createInternalTokenVerifier({ subgraphName, trustedIssuers: { [issuer]: publicKey } })
 *     -> (headerValue) => Promise<{ caller, requestId, issuer, tokenId, expiresAtMs }>
 * Every refusal is HttpError(401, message, 'UNAUTHENTICATED'): a subgraph answers no one else.
 * Every token carries a random `jti` (tokenId): the subgraph accepts each one once (replay-guard.ts,
 * checked in startSubgraph, apart from the signature scheme).
 * Signed and verified with node:crypto directly (ed25519-jwt.ts): every fetch signs one and every
 * subgraph request verifies one, so their cost is per request (docs/BENCHMARKS.md).
 */
import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { HttpError } from '../http/http-error';
import type { Caller } from './caller';
import { InvalidClaimsError, callerFromClaims } from './caller-claims';
import { ed25519Jwt } from './ed25519-jwt';
import { Ed25519JwtRefusal } from './ed25519-jwt-refusal';

/** Header that carries the internal context token. */
export const INTERNAL_CONTEXT_HEADER = 'x-internal-context';
/** Issuer of tokens signed by the gateway for the caller it authenticated. */
export const GATEWAY_ISSUER = 'credit-federation-gateway';
/** Issuer of tokens signed by the credit collector for its own service identity. */
export const COLLECTOR_ISSUER = 'credit-collector';
export type InternalIssuer = typeof GATEWAY_ISSUER | typeof COLLECTOR_ISSUER;

/** The credit collector's service identity: the only caller a COLLECTOR_ISSUER token may carry. */
export const COLLECTOR_CALLER: Readonly<Caller> = Object.freeze({
  sub: 'credit-collector',
  clientType: 'system',
  dept: 'NDRC',
  roles: ['credit-collector'],
});

/** JOSE `typ` of internal tokens, so a user JWT can never pass as one (and vice versa). */
const TOKEN_TYPE = 'internal-context+jwt';
const MAX_REQUEST_ID_LENGTH = 128;
const MAX_TOKEN_ID_LENGTH = 64;

/** Options of {@link signInternalToken}. */
export interface SignInternalTokenOptions {
  /** Name of the subgraph the token is for (`tax`, `court`, ...); required. */
  audience: string;
  /** Id of the gateway request (or collector run) the fetch serves; required. */
  requestId: string;
  /** Who signs; required. */
  issuer: InternalIssuer;
  /** The issuer's Ed25519 private key (key store `gateway-internal` / `collector-internal`). */
  key: KeyObject;
  /** Lifetime in seconds; default 60. */
  ttlSeconds?: number;
}

/** Signs the internal context token for one subgraph fetch. */
export async function signInternalToken(
  caller: Caller,
  options: SignInternalTokenOptions,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    caller: { ...caller },
    requestId: options.requestId,
    iss: options.issuer,
    aud: options.audience,
    sub: caller.sub,
    iat: now,
    exp: now + (options.ttlSeconds ?? 60),
    jti: randomUUID(),
  };
  return ed25519Jwt.sign({ typ: TOKEN_TYPE }, claims, options.key);
}

/** Options of {@link createInternalTokenVerifier}. */
export interface InternalTokenVerifierOptions {
  /** This subgraph's name; a token whose audience differs is refused. Required. */
  subgraphName: string;
  /** Public key of each issuer this subgraph trusts; tokens of other issuers are refused. */
  trustedIssuers: Partial<Record<InternalIssuer, KeyObject>>;
  /** Allowed clock skew between signer and verifier, in seconds; default 10. */
  clockToleranceSeconds?: number;
  /** Oldest `iat` accepted, in seconds, whatever `exp` says; default 300. */
  maxTokenAgeSeconds?: number;
}

/** What a subgraph learns from a valid internal context token. */
export interface InternalContext {
  caller: Caller;
  requestId: string;
  issuer: InternalIssuer;
  /** The token's `jti`: a subgraph accepts each token once (replay-guard.ts). */
  tokenId: string;
  /** Until when (epoch ms, clock tolerance included) the token is valid, so must be remembered. */
  expiresAtMs: number;
}

function unauthenticated(message: string): HttpError {
  return new HttpError(401, `internal context token ${message}`, 'UNAUTHENTICATED');
}

function describeRefusal(error: unknown, subgraphName: string, audience: unknown): HttpError {
  if (!(error instanceof Ed25519JwtRefusal)) return unauthenticated('could not be verified');
  switch (error.reason) {
    case 'malformed':
      return unauthenticated('is malformed');
    case 'algorithm':
      return unauthenticated('algorithm is not allowed');
    case 'signature':
      return unauthenticated('signature invalid');
    case 'missing':
      return unauthenticated(`claim ${error.claim} is missing`);
    case 'invalid':
      return unauthenticated(`claim ${error.claim} is invalid`);
    case 'check':
      break;
  }
  switch (error.claim) {
    case 'exp':
      return unauthenticated('expired');
    case 'age':
      return unauthenticated('is too old (iat)');
    case 'aud':
      return unauthenticated(`is for ${JSON.stringify(audience)}, not subgraph ${subgraphName}`);
    case 'nbf':
    case 'iat':
      return unauthenticated(`is not yet valid (${error.claim} in the future)`);
    case 'typ':
      return unauthenticated('has the wrong type (not an internal token)');
    default:
      return unauthenticated(`claim ${error.claim} is invalid`);
  }
}

function isTrusted(
  issuer: unknown,
  trustedIssuers: InternalTokenVerifierOptions['trustedIssuers'],
): issuer is InternalIssuer {
  return typeof issuer === 'string' && Object.prototype.hasOwnProperty.call(trustedIssuers, issuer);
}

/**
 * Whether `caller` is exactly the service identity `expected`, and nothing more: a purpose or
 * case reference would turn the collector into an NDRC approval system for the policy (rules on
 * `system` callers of NDRC with an administrative purpose), readable without the gateway.
 */
function sameIdentity(caller: Caller, expected: Readonly<Caller>): boolean {
  return (
    caller.sub === expected.sub &&
    caller.clientType === expected.clientType &&
    caller.dept === expected.dept &&
    caller.roles.length === expected.roles.length &&
    caller.roles.every((role, index) => role === expected.roles[index]) &&
    caller.personId === expected.personId &&
    caller.org === expected.org &&
    caller.purpose === expected.purpose &&
    caller.caseRef === expected.caseRef &&
    caller.consents === undefined
  );
}

/**
 * Builds the check a subgraph runs on every request: the header must hold a token of a trusted
 * issuer, signed with that issuer's key, for this subgraph, unexpired, carrying a valid Caller.
 */
export function createInternalTokenVerifier(
  options: InternalTokenVerifierOptions,
): (headerValue: string | string[] | undefined) => Promise<InternalContext> {
  const { subgraphName, trustedIssuers } = options;
  const clockTolerance = options.clockToleranceSeconds ?? 10;
  const maxTokenAge = options.maxTokenAgeSeconds ?? 300;
  return async (headerValue) => {
    if (headerValue === undefined || headerValue === '') {
      throw new HttpError(
        401,
        `missing ${INTERNAL_CONTEXT_HEADER} header: subgraphs answer only requests from the gateway`,
        'UNAUTHENTICATED',
      );
    }
    if (Array.isArray(headerValue)) {
      throw unauthenticated(`must be sent in one ${INTERNAL_CONTEXT_HEADER} header`);
    }
    // Read the unverified issuer only to choose the key; verify then checks it again.
    let decoded: ReturnType<typeof ed25519Jwt.decode>;
    try {
      decoded = ed25519Jwt.decode(headerValue);
    } catch {
      throw unauthenticated('is malformed');
    }
    const issuer = decoded.payload.iss;
    if (!isTrusted(issuer, trustedIssuers)) {
      throw unauthenticated(`issuer ${JSON.stringify(issuer)} is not trusted by ${subgraphName}`);
    }
    const key = trustedIssuers[issuer];
    if (key === undefined) throw unauthenticated(`issuer ${JSON.stringify(issuer)} has no key`);
    let payload: Record<string, unknown>;
    try {
      payload = ed25519Jwt.verify(decoded, key, {
        typ: TOKEN_TYPE,
        issuer,
        audience: subgraphName,
        requiredClaims: ['exp', 'iat', 'jti'],
        clockToleranceSeconds: clockTolerance,
        maxTokenAgeSeconds: maxTokenAge,
      });
    } catch (error) {
      throw describeRefusal(error, subgraphName, decoded.payload.aud);
    }
    const { requestId, jti, exp, iat } = payload;
    if (typeof jti !== 'string' || jti === '' || jti.length > MAX_TOKEN_ID_LENGTH) {
      throw unauthenticated('claim jti is missing or invalid');
    }
    if (
      typeof requestId !== 'string' ||
      requestId === '' ||
      requestId.length > MAX_REQUEST_ID_LENGTH
    ) {
      throw unauthenticated('claim requestId is missing or invalid');
    }
    let caller: Caller;
    try {
      caller = callerFromClaims(payload.caller);
    } catch (error) {
      if (error instanceof InvalidClaimsError) throw unauthenticated(`caller: ${error.message}`);
      throw error;
    }
    if (caller.sub !== payload.sub) throw unauthenticated('sub does not match the caller');
    if (issuer === COLLECTOR_ISSUER && !sameIdentity(caller, COLLECTOR_CALLER)) {
      throw unauthenticated('of the credit collector may only carry the collector identity');
    }
    return {
      caller,
      requestId,
      issuer,
      tokenId: jti,
      // verify checked exp and iat are numbers; past the earlier of exp and iat + maxTokenAge
      // (plus the clock tolerance) the token is refused anyway, so need not be remembered.
      expiresAtMs: (Math.min(Number(exp), Number(iat) + maxTokenAge) + clockTolerance) * 1000,
    };
  };
}
