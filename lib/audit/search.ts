/**
 * Audit search for the CLI (`npm run audit -- search`) and the read side (subgraph `audit`):
 * filters over the stored entries with keyset cursor pagination in (recorded_at, writer, seq)
 * order. The audit team searches by person id in clear; the HMAC is computed here.
 *
 * API:
 *   const page = await searchAuditEntries(db, { subject: '51192119850312123X', from: '2025-01-01' },
 *     { hmacKey, first: 50 });
 *   // { entries: [{ writer, seq, recordedAt, kind, requestId, payload, hash, prevHash, cursor }],
 *   //   pageInfo: { endCursor, hasNextPage } }
 *   await searchAuditEntries(db, filter, { hmacKey, first: 50, after: page.pageInfo.endCursor });
 */
import type { Queryable } from '../db/database';
import { validateCitizenId } from '../ids/citizen-id';
import { auditStore } from './audit-store';
import type { EntryQuery, StoredEntry } from './audit-store';
import type { JsonValue } from './canonical';
import type { AuditEntryKind } from './chain-hash';
import { subjectHmac } from './subject-hmac';
import { timeBound } from './time-bound';

/** Which entries; every given field must match (AND). */
export interface AuditSearchFilter {
  /** Recorded at or after: a date yyyy-mm-dd (UTC day start) or an ISO instant. */
  from?: string;
  /** Recorded before: a date yyyy-mm-dd (that UTC day included) or an ISO instant (excluded). */
  to?: string;
  /** The chain: `gateway` or a subgraph name. */
  writer?: string;
  kind?: AuditEntryKind;
  /** A person's id in clear: matched by its HMAC (needs `hmacKey`). */
  subject?: string;
  /** A subject HMAC as stored (the read side may already hold one). */
  subjectHmac?: string;
  requestId?: string;
  dept?: string;
  /** The caller's `sub`; a citizen id is matched by its HMAC (needs `hmacKey`). */
  user?: string;
  purpose?: string;
  caseRef?: string;
  /** The operation's decision: `allowed`, `partial`, `denied` or `error`. */
  result?: string;
}

/** Options of {@link searchAuditEntries}. */
export interface AuditSearchOptions {
  /** The audit HMAC key; required to search by `subject` or by a citizen's `user`. */
  hmacKey?: Buffer;
  /** Page size; default 100, at most 5,000. */
  first?: number;
  /** `endCursor` of the previous page; default: from the start. */
  after?: string;
  /** Oldest first (`asc`, default) or newest first (`desc`); keep it across pages. */
  order?: 'asc' | 'desc';
}

/** One entry as search returns it. */
export interface AuditEntryView {
  writer: string;
  seq: number;
  /** UTC with microseconds. */
  recordedAt: string;
  kind: AuditEntryKind;
  requestId: string | null;
  payload: JsonValue;
  hash: string;
  prevHash: string;
  /** Opaque position of this entry, for `after`. */
  cursor: string;
}

/** A page of entries. */
export interface AuditSearchPage {
  entries: AuditEntryView[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The largest page. */
export const MAX_SEARCH_PAGE = 5000;

function encodeCursor(entry: StoredEntry): string {
  return Buffer.from(JSON.stringify([entry.recordedAt, entry.writer, entry.seq])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): EntryQuery['after'] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      Number.isSafeInteger(value[2])
    ) {
      return { recordedAt: value[0], writer: value[1], seq: Number(value[2]) };
    }
  } catch {
    // reported below
  }
  throw new RangeError(`invalid cursor "${cursor}"`);
}

function needKey(hmacKey: Buffer | undefined, what: string): Buffer {
  if (!hmacKey) throw new Error(`searching by ${what} needs the audit HMAC key`);
  return hmacKey;
}

/** One page of the entries matching `filter`. */
export async function searchAuditEntries(
  db: Queryable,
  filter: AuditSearchFilter,
  options: AuditSearchOptions = {},
): Promise<AuditSearchPage> {
  const first = options.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_PAGE) {
    throw new RangeError(`first must be 1..${MAX_SEARCH_PAGE}, got ${first}`);
  }
  const userIsPerson = filter.user !== undefined && validateCitizenId(filter.user).ok;
  const query: EntryQuery = {
    from: filter.from === undefined ? undefined : timeBound(filter.from, 'from'),
    to: filter.to === undefined ? undefined : timeBound(filter.to, 'to'),
    writer: filter.writer,
    kind: filter.kind,
    subjectHmac:
      filter.subject !== undefined
        ? subjectHmac(needKey(options.hmacKey, 'subject'), filter.subject)
        : filter.subjectHmac,
    requestId: filter.requestId,
    dept: filter.dept,
    user: filter.user,
    userHmac:
      filter.user !== undefined && userIsPerson
        ? subjectHmac(needKey(options.hmacKey, 'a citizen user'), filter.user)
        : undefined,
    purpose: filter.purpose,
    caseRef: filter.caseRef,
    result: filter.result,
    after: options.after === undefined ? undefined : decodeCursor(options.after),
    order: options.order ?? 'asc',
    limit: first + 1,
  };
  const rows = await auditStore.searchEntries(db, query);
  const entries = rows.slice(0, first).map(
    (entry): AuditEntryView => ({
      writer: entry.writer,
      seq: entry.seq,
      recordedAt: entry.recordedAt,
      kind: entry.kind,
      requestId: entry.requestId,
      payload: entry.payload,
      hash: entry.hash,
      prevHash: entry.prevHash,
      cursor: encodeCursor(entry),
    }),
  );
  return {
    entries,
    pageInfo: {
      endCursor: entries.length > 0 ? entries[entries.length - 1].cursor : (options.after ?? null),
      hasNextPage: rows.length > first,
    },
  };
}
