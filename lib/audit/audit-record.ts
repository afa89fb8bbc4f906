/**
 * What the writers hand to `AuditWriter.append` (DESIGN §5). Subject ids are given in clear here;
 * the writer turns them into HMAC + masked id (subject-hmac.ts) before anything is stored.
 *
 *   gateway, one per operation:
 *     { kind: 'operation', requestId, caller, operationName, documentHash, subjects,
 *       fields: { returned, masked, denied, rules: [{ field, outcome, ruleId }] }, subgraphs: [{ subgraph, outcome, latencyMs }],
 *       policyVersion, latencyMs, result }
 *   each subgraph, one per request it resolved person fields for:
 *     { kind: 'resolver', requestId, caller,
 *       resolved: [{ subject, fields, masked?, denied?, rules? }], policyVersion }
 */
import type { JsonValue } from './canonical';

/** Who asked and why: a `Caller` (lib/auth/caller.ts) fits as it is. */
export interface AuditCaller {
  /** User or system id. A citizen id here is stored masked + HMAC, like a subject. */
  sub: string;
  dept?: string;
  clientType: string;
  roles?: readonly string[];
  /** A citizen caller's own id: stored masked + HMAC as `callerPerson`. */
  personId?: string;
  /** An organisation caller's unified social credit code (not personal data: kept in clear). */
  org?: string;
  purpose?: string;
  caseRef?: string;
}

/** Fields of the operation by outcome, as `Type.field` names. */
export interface FieldOutcomes {
  returned: readonly string[];
  masked: readonly string[];
  denied: readonly string[];
  /** The policy rule that decided each field (once per field, outcome and rule); default none. */
  rules?: readonly FieldRule[];
}

/** The rule that decided one field: an id of policy/policy.yaml or `default-deny`. */
export interface FieldRule {
  field: string;
  outcome: 'returned' | 'masked' | 'denied';
  ruleId: string;
}

/** How one subgraph fetch of the operation went. */
export interface SubgraphOutcome {
  subgraph: string;
  outcome: 'ok' | 'error' | 'denied' | 'skipped';
  latencyMs?: number;
  /** Short error message or code, never person data. */
  error?: string;
}

/**
 * The decision for the whole operation: `allowed` (everything asked for was returned), `partial`
 * (some fields masked or denied), `denied` (refused before planning or in reject mode), `error`.
 */
export type OperationResult = 'allowed' | 'partial' | 'denied' | 'error';

/** The gateway's record of one operation. */
export interface OperationAuditRecord {
  kind: 'operation';
  requestId: string;
  caller: AuditCaller;
  operationName: string | null;
  /** sha256 of the operation document (or the persisted operation id). */
  documentHash: string;
  /** Persons the operation asked about or returned, in clear (the writer stores HMAC + mask). */
  subjects: readonly string[];
  fields: FieldOutcomes;
  subgraphs: readonly SubgraphOutcome[];
  /** Content hash of the policy file in force. */
  policyVersion: string;
  latencyMs: number;
  result: OperationResult;
  /** Short error message or code when `result` is `error` or `denied`. */
  error?: string;
  /** Anything else worth keeping; must not hold person ids in clear. */
  extra?: { [key: string]: JsonValue };
}

/** The fields of one person a subgraph resolved. */
export interface ResolvedSubject {
  /** The person's id in clear (the writer stores HMAC + mask). */
  subject: string;
  /** `Type.field` names resolved with their value. */
  fields: readonly string[];
  /** `Type.field` names resolved masked. */
  masked?: readonly string[];
  /** `Type.field` names refused by the policy. */
  denied?: readonly string[];
  /** The rule that refused each refused field. */
  rules?: readonly FieldRule[];
  /** Decisions a mutation wrote about the subject, in order. */
  writes?: readonly WrittenDecision[];
}

/** A decision a mutation wrote about a subject (the subject itself is the entry's HMAC). */
export interface WrittenDecision {
  /** Kind of decision (lib/decision-kinds), e.g. `arrears`. */
  kind: string;
  /** The decision's number (文书号). */
  decisionNo: string;
  /**
   * What the write did: INSERTED, UNCHANGED, CORRECTED, ENDED or REVOKED; ATTEMPTED in the record
   * appended before anything is written (its outcome follows in a later record of the request).
   */
  outcome: string;
}

/** A subgraph's resolver log for one request. */
export interface ResolverAuditRecord {
  kind: 'resolver';
  requestId: string;
  caller?: AuditCaller;
  resolved: readonly ResolvedSubject[];
  policyVersion?: string;
  /** Anything else worth keeping; must not hold person ids in clear. */
  extra?: { [key: string]: JsonValue };
}

/** Either record. */
export type AuditRecord = OperationAuditRecord | ResolverAuditRecord;
