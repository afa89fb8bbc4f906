/**
 * Asks the credit platform whose data an operation's id arguments name (a credit record, an
 * objection, a check, a consent, a catalog item), so the gateway decides the operation on the
 * same subject as the subgraph's own shield (lib/subjects).
 *
 *   const lookup = createSubjectLookup({ keys, url: () => subgraphUrls.get('credit') });
 *   const subjects = await lookup([{ kind: 'OBJECTION', id }], requestId);
 *
 * As its own service identity (SUBJECT_LOOKUP_CALLER, signed with the gateway's internal key),
 * never as the user: `subjectsOf` is @inaccessible and granted to that identity only (policy
 * rule `gateway-subject-lookup`). Any failure throws, so the caller can fail closed.
 */
import type { Caller } from '../../lib/auth/caller';
import { DEPARTMENTS } from '../../lib/auth/caller';
import type { Department } from '../../lib/auth/caller';
import type { KeyStore } from '../../lib/auth/key-store';
import type { FieldSubject } from '../../lib/policy/types';
import { subjectPersonId } from '../../lib/subjects/subject-person-id';
import type { SubjectReference } from '../../lib/subjects/subject-reference';
import { callServiceQuery } from './service-query';

/** The role that opens the subject lookup; reserved to the gateway (no user token may carry it). */
export const SUBJECT_LOOKUP_ROLE = 'subject-lookup';

/** The gateway's own identity when it asks whose data an id names. */
export const SUBJECT_LOOKUP_CALLER: Readonly<Caller> = Object.freeze({
  sub: 'credit-federation-gateway',
  clientType: 'system',
  dept: 'NDRC',
  roles: [SUBJECT_LOOKUP_ROLE],
});

/** Options of {@link createSubjectLookup}. */
export interface SubjectLookupOptions {
  /** Holds the gateway's internal signing key (`gateway-internal`); required. */
  keys: KeyStore;
  /** The credit platform's GraphQL URL, asked at every lookup; undefined makes it fail. */
  url: () => string | undefined;
  /** Name of the subgraph that resolves references (the token's audience); default `credit`. */
  subgraph?: string;
  /** Gives up after this many milliseconds; default 5000. */
  timeoutMs?: number;
}

/** Whose data each reference names, in order, for gateway request `requestId`. */
export type SubjectLookup = (
  references: readonly SubjectReference[],
  requestId: string,
) => Promise<FieldSubject[]>;

const QUERY = `query SubjectsOf($references: [SubjectReferenceInput!]!) {
  subjectsOf(references: $references) { kind id personId dept unresolved }
}`;

/** A lookup that could not tell whose data the ids name; the message names what went wrong. */
export class SubjectLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubjectLookupError';
  }
}

/** Builds the gateway's subject lookup over HTTP; see the file comment. */
export function createSubjectLookup(options: SubjectLookupOptions): SubjectLookup {
  const subgraph = options.subgraph ?? 'credit';
  const timeoutMs = options.timeoutMs ?? 5000;
  return async (references, requestId) => {
    if (references.length === 0) return [];
    const data = await callServiceQuery(
      {
        keys: options.keys,
        url: options.url(),
        subgraph,
        caller: SUBJECT_LOOKUP_CALLER,
        requestId,
        query: QUERY,
        variables: { references: references.map(({ kind, id }) => ({ kind, id })) },
        timeoutMs,
      },
      (message) => new SubjectLookupError(message),
    );
    const entries = data.subjectsOf;
    if (!Array.isArray(entries) || entries.length !== references.length) {
      throw new SubjectLookupError(`subgraph ${subgraph} sent a malformed answer`);
    }
    return entries.map((entry: unknown, index) => toSubject(entry, references[index], subgraph));
  };
}

function toSubject(entry: unknown, asked: SubjectReference, subgraph: string): FieldSubject {
  const malformed = () => new SubjectLookupError(`subgraph ${subgraph} sent a malformed answer`);
  if (typeof entry !== 'object' || entry === null) throw malformed();
  const { kind, id, personId, dept, unresolved } = entry as Record<string, unknown>;
  if (kind !== asked.kind || id !== asked.id) throw malformed();
  if (typeof unresolved === 'string') return { unresolved };
  const person =
    personId === null || personId === undefined ? undefined : subjectPersonId(personId);
  if (personId !== null && personId !== undefined && person === undefined) throw malformed();
  if (dept !== null && dept !== undefined && !isDepartment(dept)) throw malformed();
  return {
    ...(person !== undefined && { personId: person }),
    ...(isDepartment(dept) && { dept }),
  };
}

function isDepartment(value: unknown): value is Department {
  return (DEPARTMENTS as readonly unknown[]).includes(value);
}
