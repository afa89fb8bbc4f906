/**
 * How the audit store refers to a person (DESIGN §5): never by the id in clear, but by a keyed
 * HMAC (so the audit team can still search by id: the server computes the HMAC) plus the masked
 * id for reading (`511921********123X`).
 *
 * API:
 *   const ref = subjectRef(key, '51192119850312123x');
 *   // { hmac: '<64 hex>', masked: '511921********123X' }
 *   subjectHmac(key, id), maskId(id), normalizeSubjectId(id)
 * The key comes from loadAuditHmacKey (audit-hmac-key.ts). Changing the key makes older entries
 * unsearchable by id (their HMACs were made with the old key): keep old keys to search old entries.
 */
import { createHmac } from 'node:crypto';
import { maskIdNumber } from '../policy/maskers';

/** A person as the audit store records them. */
export interface SubjectRef {
  /** Hex HMAC-SHA256 of the normalized id under the audit HMAC key. */
  hmac: string;
  /** The id with its birth date and sequence hidden: first 6 + `********` + last 4. */
  masked: string;
}

/** Trimmed, ASCII letters upper-cased (`x` check character → `X`), as ids are validated. */
export function normalizeSubjectId(id: string): string {
  return id.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** Hex HMAC-SHA256 of the normalized id. */
export function subjectHmac(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(normalizeSubjectId(id), 'utf8').digest('hex');
}

/**
 * The masked id: first 6 + `********` + last 4 for an 18-character id (the policy's idNumber
 * masker); an id of 10 characters or fewer is hidden entirely.
 */
export function maskId(id: string): string {
  // A subject that is no valid id may hold anything (U+0000, a lone surrogate): only printable
  // ASCII is kept, so its record can still be stored (and the request answered BAD_USER_INPUT).
  return maskIdNumber(normalizeSubjectId(id).replace(/[^\x20-\x7E]/g, '?'));
}

/** HMAC and masked id of one subject. */
export function subjectRef(key: Buffer, id: string): SubjectRef {
  return { hmac: subjectHmac(key, id), masked: maskId(id) };
}
