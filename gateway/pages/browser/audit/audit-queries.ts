/** The audit console's GraphQL operations and what they return. */

/** One record of the audit log (type AuditEvent). */
export interface AuditEvent {
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
  fieldRules: { field: string; outcome: 'RETURNED' | 'MASKED' | 'DENIED'; ruleId: string }[];
  subgraphs: {
    subgraph: string;
    outcome: string;
    latencyMs: number | null;
    error: string | null;
  }[];
  result: string | null;
  error: string | null;
  policyVersion: string | null;
  latencyMs: number | null;
  hash: string;
  prevHash: string;
}

/** The search form (filter of Query.auditEvents); empty fields are left out. */
export interface AuditFilter {
  subjectId?: string;
  dept?: string;
  user?: string;
  purpose?: string;
  caseRef?: string;
  from?: string;
  to?: string;
  requestId?: string;
  kind?: string;
}

export const AUDIT_EVENTS = `query AuditConsoleEvents($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    entries {
      seq writer recordedAt kind requestId dept user clientType roles org purpose caseRef
      operationName documentHash subjects fieldsReturned fieldsMasked fieldsDenied
      fieldRules { field outcome ruleId }
      subgraphs { subgraph outcome latencyMs error }
      result error policyVersion latencyMs hash prevHash
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

export interface AuditEventsData {
  auditEvents: {
    entries: AuditEvent[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

/** One alert of unusual access (type AuditAlert). */
export interface AuditAlert {
  kind: string;
  user: string | null;
  users: string[];
  dept: string | null;
  caseRef: string | null;
  window: { from: string; to: string };
  count: number;
  threshold: number;
  exampleRequestIds: string[];
}

export const AUDIT_ALERTS = `query AuditConsoleAlerts($from: String!, $to: String!) {
  auditAlerts(from: $from, to: $to) {
    kind user users dept caseRef window { from to } count threshold exampleRequestIds
  }
}`;

export interface AuditAlertsData {
  auditAlerts: AuditAlert[];
}

/** One chain's status (type AuditChainState). */
export interface ChainState {
  writer: string;
  ok: boolean;
  verifiedSeq: string | null;
  verifiedRecordedAt: string | null;
  verifiedAt: string | null;
  headSeq: string;
  checkedNow: number;
  pending: string;
  firstBroken: { seq: string; reason: string; detail: string } | null;
}

export const CHAIN_STATUS = `query AuditConsoleChainStatus($restart: Boolean) {
  auditChainStatus(restart: $restart) {
    ok checkedAt
    chains {
      writer ok verifiedSeq verifiedRecordedAt verifiedAt headSeq checkedNow pending
      firstBroken { seq reason detail }
    }
  }
}`;

export interface ChainStatusData {
  auditChainStatus: { ok: boolean; checkedAt: string; chains: ChainState[] };
}
