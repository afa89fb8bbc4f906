/** The citizen page's GraphQL operations and what they return. */

export interface CreditRecord {
  id: string;
  catalogCode: string;
  category: string;
  sourceDept: string;
  title: string;
  decidedAt: string;
  displayUntil: string | null;
  status: string;
  underObjection: boolean;
  objection: {
    id: string;
    status: string;
    filedOn: string;
    dueOn: string;
    overdue: boolean;
    decidedOn: string | null;
  } | null;
  repair: { id: string; status: string; appliedOn: string; decidedOn: string | null } | null;
}

export interface MyCreditData {
  person: {
    id: string;
    name: string | null;
    creditProfile: {
      score: number;
      level: string;
      levelName: string;
      asOf: string;
      breakdown: { recordId: string; catalogCode: string; points: number; reason: string }[];
      lists: { list: string; name: string; since: string; until: string }[];
      greenChannel: { decision: string; reasons: { code: string; message: string }[] };
      sources: { dept: string; lastSuccessAt: string | null; stale: boolean }[];
    } | null;
    creditRecords: CreditRecord[];
  } | null;
  creditCatalog: { code: string; name: string }[];
}

/** The citizen's own record: profile with the reason for every point, records, lists. */
export const MY_CREDIT = `query MyCredit($id: ID!) {
  person(id: $id) {
    id
    name
    creditProfile {
      score level levelName asOf
      breakdown { recordId catalogCode points reason }
      lists { list name since until }
      greenChannel { decision reasons { code message } }
      sources { dept lastSuccessAt stale }
    }
    creditRecords {
      id catalogCode category sourceDept title decidedAt displayUntil status underObjection
      objection { id status filedOn dueOn overdue decidedOn }
      repair { id status appliedOn decidedOn }
    }
  }
  creditCatalog { code name }
}`;

export interface AccessLogEntry {
  requestId: string;
  accessedAt: string;
  dept: string | null;
  deptName: string | null;
  clientType: string | null;
  org: string | null;
  purpose: string | null;
  purposeName: string | null;
  caseRef: string | null;
  fields: string[];
  maskedFields: string[];
}

export interface MyAccessLogData {
  myAccessLog: {
    entries: AccessLogEntry[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

/** Who read the citizen's data: department, purpose and date, never the officer. */
export const MY_ACCESS_LOG = `query MyAccessLog($after: String) {
  myAccessLog(first: 20, after: $after) {
    entries {
      requestId accessedAt dept deptName clientType org purpose purposeName caseRef
      fields maskedFields
    }
    pageInfo { endCursor hasNextPage }
  }
}`;
