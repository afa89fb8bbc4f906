/**
 * An audit entry as auditors read it (type AuditEvent): the stored payload flattened into fields,
 * people only as masked ids (the stored HMACs never leave the store).
 *
 * API:
 *   toAuditEvent(entry)   // entry: { writer, seq, recordedAt, kind, requestId, payload, hash, prevHash }
 */
import type { JsonValue } from '../../../lib/audit/canonical';
import {
  arrayOf,
  maskedSubjectsOf,
  numberOf,
  objectOf,
  stringOf,
  stringsOf,
  unionOf,
} from './payload-reader';

/** An entry of the audit store as read (lib/audit search or the audit subgraph's store). */
export interface LoggedEntry {
  writer: string;
  seq: number;
  /** UTC ISO instant with microseconds. */
  recordedAt: string;
  kind: 'operation' | 'resolver';
  requestId: string | null;
  payload: JsonValue;
  hash: string;
  prevHash: string;
}

/** One subgraph fetch of an operation. */
export interface SubgraphOutcomeView {
  subgraph: string;
  outcome: string;
  latencyMs: number | null;
  error: string | null;
}

/** The AuditEvent GraphQL object. */
export interface AuditEventView {
  seq: string;
  writer: string;
  recordedAt: string;
  kind: 'OPERATION' | 'RESOLVER';
  requestId: string | null;
  dept: string | null;
  user: string | null;
  clientType: string | null;
  roles: string[];
  org: string | null;
  purpose: string | null;
  caseRef: string | null;
  operationName: string | null;
  documentHash: string | null;
  subjects: string[];
  fieldsReturned: string[];
  fieldsMasked: string[];
  fieldsDenied: string[];
  subgraphs: SubgraphOutcomeView[];
  result: 'ALLOWED' | 'PARTIAL' | 'DENIED' | 'ERROR' | null;
  error: string | null;
  policyVersion: string | null;
  latencyMs: number | null;
  hash: string;
  prevHash: string;
  fieldRules: FieldRuleView[];
}

/** The AuditFieldRule GraphQL object. */
export interface FieldRuleView {
  field: string;
  outcome: 'RETURNED' | 'MASKED' | 'DENIED';
  ruleId: string;
}

const OUTCOMES = { returned: 'RETURNED', masked: 'MASKED', denied: 'DENIED' } as const;

/** The rules of a gateway record's `fields.rules` (or a resolver record's), well-formed ones only. */
function fieldRulesOf(value: JsonValue | undefined): FieldRuleView[] {
  return arrayOf(value)
    .map(objectOf)
    .flatMap((rule) => {
      const field = stringOf(rule.field);
      const ruleId = stringOf(rule.ruleId);
      const outcome = stringOf(rule.outcome);
      if (
        field === null ||
        ruleId === null ||
        outcome === null ||
        !Object.hasOwn(OUTCOMES, outcome)
      )
        return [];
      return [{ field, ruleId, outcome: OUTCOMES[outcome as keyof typeof OUTCOMES] }];
    });
}

/** Each (field, outcome, rule) once, in first-seen order. */
function distinctRules(rules: readonly FieldRuleView[]): FieldRuleView[] {
  const seen = new Map<string, FieldRuleView>();
  for (const rule of rules) seen.set(`${rule.field} ${rule.outcome} ${rule.ruleId}`, rule);
  return [...seen.values()];
}

const RESULTS = {
  allowed: 'ALLOWED',
  partial: 'PARTIAL',
  denied: 'DENIED',
  error: 'ERROR',
} as const;

function resultOf(value: JsonValue | undefined): AuditEventView['result'] {
  const text = stringOf(value);
  return text !== null && Object.hasOwn(RESULTS, text)
    ? RESULTS[text as keyof typeof RESULTS]
    : null;
}

function roundOf(value: JsonValue | undefined): number | null {
  const number = numberOf(value);
  return number === null ? null : Math.round(number);
}

/** The AuditEvent of a stored entry. */
export function toAuditEvent(entry: LoggedEntry): AuditEventView {
  const payload = objectOf(entry.payload);
  const operation = entry.kind === 'operation';
  const fields = objectOf(payload.fields);
  const resolved = arrayOf(payload.resolved).map(objectOf);
  const fieldsOf = (key: 'fields' | 'masked' | 'denied', operationKey: string) =>
    operation
      ? unionOf([stringsOf(fields[operationKey])])
      : unionOf(resolved.map((item) => stringsOf(item[key])));
  return {
    seq: String(entry.seq),
    writer: entry.writer,
    recordedAt: entry.recordedAt,
    kind: operation ? 'OPERATION' : 'RESOLVER',
    requestId: entry.requestId,
    dept: stringOf(payload.dept),
    user: stringOf(payload.user),
    clientType: stringOf(payload.clientType),
    roles: stringsOf(payload.roles),
    org: stringOf(payload.org),
    purpose: stringOf(payload.purpose),
    caseRef: stringOf(payload.caseRef),
    operationName: stringOf(payload.operationName),
    documentHash: stringOf(payload.documentHash),
    subjects: maskedSubjectsOf(payload.subjects),
    fieldsReturned: fieldsOf('fields', 'returned'),
    fieldsMasked: fieldsOf('masked', 'masked'),
    fieldsDenied: fieldsOf('denied', 'denied'),
    subgraphs: arrayOf(payload.subgraphs)
      .map(objectOf)
      .map((outcome) => ({
        subgraph: stringOf(outcome.subgraph) ?? '',
        outcome: stringOf(outcome.outcome) ?? '',
        latencyMs: roundOf(outcome.latencyMs),
        error: stringOf(outcome.error),
      })),
    result: resultOf(payload.result),
    error: stringOf(payload.error),
    policyVersion: stringOf(payload.policyVersion),
    latencyMs: roundOf(payload.latencyMs),
    hash: entry.hash,
    prevHash: entry.prevHash,
    fieldRules: operation
      ? fieldRulesOf(fields.rules)
      : distinctRules(resolved.flatMap((item) => fieldRulesOf(item.rules))),
  };
}
