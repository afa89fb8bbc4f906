/**
 * Collects a subgraph's resolver log for one request: which fields of which subjects it resolved
 * (in clear, masked, or refused), to be appended as one `resolver` record when the response goes
 * out (DESIGN §5).
 *
 * API:
 *   const log = createResolverLog();                  // per request, in context(base)
 *   log.resolved(personId, 'Person.name');            // from resolvers or a field middleware
 *   log.masked(personId, 'Person.idNumber');
 *   log.denied(personId, 'Person.address', 'default-deny');
 *   log.wrote(personId, 'Mutation.taxImport', { kind: 'arrears', decisionNo, outcome: 'INSERTED' });
 *   if (log.subjectCount > 0) {
 *     await audit.append(log.toRecord({ requestId, caller, policyVersion }));  // fail closed
 *   }
 */
import type { AuditCaller, ResolverAuditRecord, WrittenDecision } from './audit-record';
import { normalizeSubjectId } from './subject-hmac';

/** What a request's resolvers did with person fields. */
export interface ResolverLog {
  /** A field of `subject` was resolved with its value. */
  resolved(subject: string, field: string): void;
  /** A field of `subject` was resolved masked. */
  masked(subject: string, field: string): void;
  /** A field of `subject` was refused by the policy rule `ruleId`. */
  denied(subject: string, field: string, ruleId: string): void;
  /** A mutation `field` wrote a decision about `subject` (recorded, corrected, ended, revoked). */
  wrote(subject: string, field: string, decision: WrittenDecision): void;
  /** Distinct subjects logged so far. */
  readonly subjectCount: number;
  /** The record for the audit writer: subjects in first-seen order, fields sorted. */
  toRecord(context: {
    requestId: string;
    caller?: AuditCaller;
    policyVersion?: string;
  }): ResolverAuditRecord;
}

interface SubjectFields {
  resolved: Set<string>;
  masked: Set<string>;
  denied: Set<string>;
  /** `field\u0000ruleId` of every denial. */
  refusals: Set<string>;
  writes: WrittenDecision[];
}

/** A new, empty resolver log (one per request). */
export function createResolverLog(): ResolverLog {
  const subjects = new Map<string, SubjectFields>();
  const fieldsOf = (subject: string): SubjectFields => {
    const id = normalizeSubjectId(subject);
    let fields = subjects.get(id);
    if (!fields) {
      fields = {
        resolved: new Set(),
        masked: new Set(),
        denied: new Set(),
        refusals: new Set(),
        writes: [],
      };
      subjects.set(id, fields);
    }
    return fields;
  };
  return {
    resolved: (subject, field) => fieldsOf(subject).resolved.add(field),
    masked: (subject, field) => fieldsOf(subject).masked.add(field),
    denied: (subject, field, ruleId) => {
      const fields = fieldsOf(subject);
      fields.denied.add(field);
      fields.refusals.add(`${field}\u0000${ruleId}`);
    },
    wrote: (subject, field, decision) => {
      const fields = fieldsOf(subject);
      fields.resolved.add(field);
      fields.writes.push(decision);
    },
    get subjectCount() {
      return subjects.size;
    },
    toRecord({ requestId, caller, policyVersion }) {
      return {
        kind: 'resolver',
        requestId,
        ...(caller && { caller }),
        resolved: [...subjects].map(([subject, fields]) => ({
          subject,
          fields: [...fields.resolved].sort(),
          ...(fields.writes.length > 0 && { writes: fields.writes }),
          ...(fields.masked.size > 0 && { masked: [...fields.masked].sort() }),
          ...(fields.denied.size > 0 && {
            denied: [...fields.denied].sort(),
            rules: [...fields.refusals].sort().map((pair) => {
              const [field, ruleId] = pair.split('\u0000');
              return { field, outcome: 'denied' as const, ruleId };
            }),
          }),
        })),
        ...(policyVersion !== undefined && { policyVersion }),
      };
    },
  };
}
