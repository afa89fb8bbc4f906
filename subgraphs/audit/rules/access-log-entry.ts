/**
 * One line of a citizen's own access log (type AccessLogEntry): which department looked at which
 * of their data, when and why, for one request. Built from every record of the request that names
 * the citizen: the subgraphs' resolver records say exactly which fields of THIS person were
 * resolved, so they win; a request with only the gateway's operation record falls back to its
 * field lists (which cover every person of the operation). Who in the department asked (`user`)
 * is never part of it.
 */
import { PURPOSES } from '../../../lib/auth/caller';
import { DEPARTMENT_NAMES } from '../../../lib/auth/department-names';
import { unionOf } from './payload-reader';

/** One record of the request, reduced to what concerns the citizen (store.ts). */
export interface AccessRecord {
  kind: 'operation' | 'resolver';
  dept: string | null;
  clientType: string | null;
  org: string | null;
  purpose: string | null;
  caseRef: string | null;
  /** Fields resolved with their value: of this person (resolver) or of the operation. */
  fields: string[];
  /** Fields resolved masked, likewise. */
  masked: string[];
}

/** All records of one request about the citizen. */
export interface AccessRequest {
  requestId: string;
  /** UTC ISO instant of the request's first record. */
  firstAt: string;
  records: AccessRecord[];
}

/** The AccessLogEntry GraphQL object. */
export interface AccessLogEntryView {
  requestId: string;
  accessedAt: string;
  dept: string | null;
  deptName: string | null;
  clientType: string | null;
  org: string | null;
  fields: string[];
  maskedFields: string[];
  purpose: string | null;
  purposeName: string | null;
  caseRef: string | null;
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string | null): T | null {
  return key !== null && Object.hasOwn(table, key) ? table[key] : null;
}

/** The log line of one request. */
export function toAccessLogEntry(request: AccessRequest): AccessLogEntryView {
  const resolverRecords = request.records.filter((record) => record.kind === 'resolver');
  const sources = resolverRecords.length > 0 ? resolverRecords : request.records;
  // The gateway's record states the caller as authenticated; a subgraph's repeats it.
  const caller =
    request.records.find((record) => record.kind === 'operation') ?? request.records[0];
  return {
    requestId: request.requestId,
    accessedAt: request.firstAt,
    dept: caller?.dept ?? null,
    deptName: lookup(DEPARTMENT_NAMES, caller?.dept ?? null),
    clientType: caller?.clientType ?? null,
    org: caller?.org ?? null,
    fields: unionOf(sources.map((record) => record.fields)),
    maskedFields: unionOf(sources.map((record) => record.masked)),
    purpose: caller?.purpose ?? null,
    purposeName: lookup(PURPOSES, caller?.purpose ?? null),
    caseRef: caller?.caseRef ?? null,
  };
}
