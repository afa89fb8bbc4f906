/**
 * Compact EdDSA (Ed25519) JWTs signed and checked with node:crypto's synchronous one-shot
 * sign/verify: what jose does for the internal context tokens, without its per-call key checks
 * and its hop through libuv's thread pool for every signature (measured in
 * `npm run bench:tokens`, docs/BENCHMARKS.md). The claim checks follow jose's jwtVerify exactly,
 * in its order, so a token is refused for the same reason either way.
 *
 * API:
 *   ed25519Jwt.sign({ typ }, claims, privateKey)             -> token
 *   ed25519Jwt.decode(token)                                 -> { header, payload, ... } (unverified)
 *   ed25519Jwt.verify(decoded, publicKey, checks)            -> payload, or throws Ed25519JwtRefusal
 */
import { sign as signBytes, verify as verifyBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Ed25519JwtRefusal } from './ed25519-jwt-refusal';

/** A token split and parsed, its signature not yet checked. */
interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

/** What {@link verify} checks besides the signature (jose's jwtVerify options of that name). */
interface ClaimChecks {
  typ: string;
  issuer: string;
  audience: string;
  requiredClaims: readonly string[];
  clockToleranceSeconds: number;
  maxTokenAgeSeconds: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 64;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePart(part: string): Record<string, unknown> {
  if (!BASE64URL.test(part)) throw new Ed25519JwtRefusal('malformed');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new Ed25519JwtRefusal('malformed');
  }
  if (!isObject(value)) throw new Ed25519JwtRefusal('malformed');
  return value;
}

function decode(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Ed25519JwtRefusal('malformed');
  const [header, payload, signature] = parts;
  if (signature !== '' && !BASE64URL.test(signature)) throw new Ed25519JwtRefusal('malformed');
  return {
    header: parsePart(header),
    payload: parsePart(payload),
    signingInput: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
  };
}

const normalizeTyp = (value: string) => value.toLowerCase().replace(/^application\//, '');

function checkClaims(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  checks: ClaimChecks,
): void {
  if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(checks.typ)) {
    throw new Ed25519JwtRefusal('check', 'typ');
  }
  // jose's order: the required claims last to first, then iat (for the age), aud, iss.
  const present = new Set(['iss', 'aud', 'iat', ...[...checks.requiredClaims].reverse()]);
  for (const claim of present) {
    if (!(claim in payload)) throw new Ed25519JwtRefusal('missing', claim);
  }
  if (payload.iss !== checks.issuer) throw new Ed25519JwtRefusal('check', 'iss');
  const { aud } = payload;
  const forAudience =
    aud === checks.audience || (Array.isArray(aud) && aud.includes(checks.audience));
  if (!forAudience) throw new Ed25519JwtRefusal('check', 'aud');
  const tolerance = checks.clockToleranceSeconds;
  const now = Math.floor(Date.now() / 1000);
  const { iat, nbf, exp } = payload;
  if (typeof iat !== 'number') throw new Ed25519JwtRefusal('invalid', 'iat');
  if (nbf !== undefined) {
    if (typeof nbf !== 'number') throw new Ed25519JwtRefusal('invalid', 'nbf');
    if (nbf > now + tolerance) throw new Ed25519JwtRefusal('check', 'nbf');
  }
  if (exp !== undefined) {
    if (typeof exp !== 'number') throw new Ed25519JwtRefusal('invalid', 'exp');
    if (exp <= now - tolerance) throw new Ed25519JwtRefusal('check', 'exp');
  }
  const age = now - iat;
  if (age - tolerance > checks.maxTokenAgeSeconds) throw new Ed25519JwtRefusal('check', 'age');
  if (age < -tolerance) throw new Ed25519JwtRefusal('check', 'iat');
}

function verify(
  decoded: DecodedJwt,
  publicKey: KeyObject,
  checks: ClaimChecks,
): Record<string, unknown> {
  const { header, payload } = decoded;
  // Extensions this verifier does not understand must not be ignored (RFC 7515 §4.1.11).
  if (header.crit !== undefined || header.b64 !== undefined) {
    throw new Ed25519JwtRefusal('malformed');
  }
  if (header.alg !== 'EdDSA') throw new Ed25519JwtRefusal('algorithm');
  let valid = false;
  try {
    valid =
      decoded.signature.length === SIGNATURE_BYTES &&
      verifyBytes(null, decoded.signingInput, publicKey, decoded.signature);
  } catch {
    // A key that is not Ed25519 cannot have signed an EdDSA token.
    valid = false;
  }
  if (!valid) throw new Ed25519JwtRefusal('signature');
  checkClaims(header, payload, checks);
  return payload;
}

function sign(header: { typ: string }, claims: object, privateKey: KeyObject): string {
  const encodedHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: header.typ })).toString(
    'base64url',
  );
  const encodedPayload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signingInput = `${encodedHeader}.${encodedPayload}`;
  const signature = signBytes(null, Buffer.from(signingInput), privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Signs, decodes and verifies compact Ed25519 JWTs (see the file comment). */
export const ed25519Jwt = { sign, decode, verify };
