/**
 * Turns an AuditRecord (subject ids in clear) into what the store keeps: the `payload` the chain
 * hashes, with every person as HMAC + masked id, and the subject list for the search index.
 *
 * API:
 *   const { kind, requestId, payload, subjects } = toStoredRecord(record, hmacKey);
 *
 * Payload keys (flat, so search can filter on them): user, userHmac?, dept?, clientType, roles,
 * callerPerson?, org?, purpose?, caseRef?, then per kind
 *   operation: operationName, documentHash, subjects, fields, subgraphs, policyVersion, latencyMs,
 *              result, error?, extra?
 *   resolver:  resolved [{ subject, fields, masked?, denied?, rules?, writes? }], subjects,
 *              policyVersion?,
 *              extra?
 * Safety net: any valid citizen id still found in clear in a string or key (a case ref, an error
 * message, `extra`, a hash a client made up), even glued to other characters, is replaced by its
 * masked form, so the store never holds one.
 */
import { validateCitizenId } from '../ids/citizen-id';
import { maskCitizenIdsInText } from '../ids/mask-citizen-ids-in-text';
import { canonicalJson } from './canonical';
import type { JsonValue } from './canonical';
import type { AuditEntryKind } from './chain-hash';
import type { AuditCaller, AuditRecord } from './audit-record';
import { maskId, normalizeSubjectId, subjectRef } from './subject-hmac';
import type { SubjectRef } from './subject-hmac';

/** A record ready for the chain. */
export interface StoredRecord {
  kind: AuditEntryKind;
  requestId: string;
  /** Canonical-safe JSON: exactly what is stored and hashed. */
  payload: JsonValue;
  /** Distinct subjects of the record, for `audit.entry_subjects`. */
  subjects: SubjectRef[];
}

const scrubText = maskCitizenIdsInText;

function scrub(value: JsonValue): JsonValue {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k), scrub(v)]));
  }
  return value;
}

function callerFields(caller: AuditCaller | undefined, key: Buffer): Record<string, unknown> {
  if (!caller) return {};
  const subIsPerson = validateCitizenId(caller.sub).ok;
  return {
    user: subIsPerson ? maskId(caller.sub) : caller.sub,
    userHmac: subIsPerson ? subjectRef(key, caller.sub).hmac : undefined,
    dept: caller.dept,
    clientType: caller.clientType,
    roles: caller.roles ? [...caller.roles] : [],
    callerPerson: caller.personId !== undefined ? subjectRef(key, caller.personId) : undefined,
    org: caller.org,
    purpose: caller.purpose,
    caseRef: caller.caseRef,
  };
}

function distinctRefs(ids: readonly string[], key: Buffer): SubjectRef[] {
  const byId = new Map<string, SubjectRef>();
  for (const id of ids) {
    const normalized = normalizeSubjectId(id);
    if (!byId.has(normalized)) byId.set(normalized, subjectRef(key, normalized));
  }
  return [...byId.values()];
}

/** The stored form of a record; throws CanonicalJsonError if it holds a non-JSON value. */
export function toStoredRecord(record: AuditRecord, hmacKey: Buffer): StoredRecord {
  let body: Record<string, unknown>;
  let subjects: SubjectRef[];
  if (record.kind === 'operation') {
    subjects = distinctRefs(record.subjects, hmacKey);
    body = {
      ...callerFields(record.caller, hmacKey),
      operationName: record.operationName,
      documentHash: record.documentHash,
      subjects,
      fields: record.fields,
      subgraphs: record.subgraphs,
      policyVersion: record.policyVersion,
      latencyMs: record.latencyMs,
      result: record.result,
      error: record.error,
      extra: record.extra,
    };
  } else if (record.kind === 'resolver') {
    subjects = distinctRefs(
      record.resolved.map((entry) => entry.subject),
      hmacKey,
    );
    body = {
      ...callerFields(record.caller, hmacKey),
      resolved: record.resolved.map((entry) => ({
        subject: subjectRef(hmacKey, entry.subject),
        fields: entry.fields,
        masked: entry.masked,
        denied: entry.denied,
        rules: entry.rules,
        writes: entry.writes?.map((write) => ({ ...write })),
      })),
      subjects,
      policyVersion: record.policyVersion,
      extra: record.extra,
    };
  } else {
    const unexpected: { kind?: unknown } = record;
    throw new Error(`unknown audit record kind ${JSON.stringify(unexpected.kind)}`);
  }
  if (typeof record.requestId !== 'string' || record.requestId === '') {
    throw new Error('an audit record needs a requestId');
  }
  // The canonical text validates the payload; parsing it back gives exactly what is hashed.
  const payload = scrub(JSON.parse(canonicalJson(body)) as JsonValue);
  return { kind: record.kind, requestId: scrubText(record.requestId), payload, subjects };
}
