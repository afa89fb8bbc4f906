import type { CollectedEntry } from '../store';
import type { CreditSource } from './credit-sources';

/** One page of a department feed as the collector reads it. */
export interface FeedPage<E = CollectedEntry> {
  entries: E[];
  endCursor: string;
  hasMore: boolean;
}

/**
 * What the collector asks of one kind of feed (credit feed, disclosure feed, ...): the selection
 * of an entry and how a raw entry is checked, so fetching, paging and cursors stay generic.
 */
export interface FeedEntryReader<E> {
  /** The selection set of one entry, e.g. `sourceRecordId personId ... changeSeq`. */
  selection: string;
  /** Checks one raw entry field by field, naming the first wrong one (`where.field`). */
  read(raw: unknown, where: string): E;
}

/** How to fetch one page. */
export interface FetchFeedPageOptions<E> {
  source: CreditSource;
  /** How entries are asked for and read (e.g. {@link CREDIT_ENTRY_READER}). */
  reader: FeedEntryReader<E>;
  url: string;
  /** Cursor of the last committed page; null from the start of the feed. */
  after: string | null;
  first: number;
  headers: Record<string, string>;
  timeoutMs: number;
}

const STATUSES = new Set(['ACTIVE', 'PERFORMED', 'REVOKED']);
/** Longest same-case key kept: a key is an opaque digest, not free text. */
const MAX_CASE_KEY = 128;
/** A key occupational group's code (KeyGroup enum value): never free text. */
const KEY_GROUP = /^[A-Z][A-Z_]{0,31}$/;
const TEXT_FIELDS = [
  'sourceRecordId',
  'personId',
  'catalogCode',
  'decidedAt',
  'changeSeq',
] as const;

function feedQuery(field: string, selection: string): string {
  return `query CreditFeed($after: String, $first: Int) {
  ${field}(after: $after, first: $first) {
    entries { ${selection} }
    endCursor
    hasMore
  }
}`;
}

/** `fetch failed (ECONNREFUSED)`: the message with the network cause's code, if any. */
function describeFetchError(error: unknown): string {
  // Duck-typed: errors thrown by fetch may come from another realm (e.g. under a test VM).
  if (typeof error !== 'object' || error === null || !('message' in error)) return String(error);
  const cause = 'cause' in error ? error.cause : undefined;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return code ? `${String(error.message)} (${code})` : String(error.message);
}

/** Whether `value` is a plain object (a JSON object of a response). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one entry field by field, naming the first wrong one. */
function readEntry(raw: unknown, where: string): CollectedEntry {
  if (!isObject(raw)) throw new Error(`${where}: not an object`);
  for (const field of TEXT_FIELDS) {
    if (typeof raw[field] !== 'string') throw new Error(`${where}.${field}: expected a string`);
  }
  if (typeof raw.status !== 'string' || !STATUSES.has(raw.status)) {
    throw new Error(`${where}.status: unknown status ${JSON.stringify(raw.status)}`);
  }
  for (const field of ['decisionNo', 'statusChangedAt'] as const) {
    if (raw[field] !== null && typeof raw[field] !== 'string') {
      throw new Error(`${where}.${field}: expected a string or null`);
    }
  }
  const caseKey = raw.caseKey ?? null;
  if (caseKey !== null && (typeof caseKey !== 'string' || caseKey.length > MAX_CASE_KEY)) {
    throw new Error(`${where}.caseKey: expected a string of at most ${MAX_CASE_KEY} characters`);
  }
  const keyGroup = raw.keyGroup ?? null;
  if (keyGroup !== null && (typeof keyGroup !== 'string' || !KEY_GROUP.test(keyGroup))) {
    throw new Error(`${where}.keyGroup: expected a key group code (upper-case letters) or null`);
  }
  return {
    sourceRecordId: raw.sourceRecordId as string,
    personId: raw.personId as string,
    catalogCode: raw.catalogCode as string,
    decidedAt: raw.decidedAt as string,
    decisionNo: raw.decisionNo as string | null,
    status: raw.status as CollectedEntry['status'],
    statusChangedAt: raw.statusChangedAt as string | null,
    caseKey,
    keyGroup,
    changeSeq: raw.changeSeq as string,
  };
}

/**
 * The credit feed (`CreditFeedPage`) entries, as `credit.records` stores them: no text of the
 * department's is asked for (records are titled with the catalog's names).
 */
export const CREDIT_ENTRY_READER: FeedEntryReader<CollectedEntry> = {
  selection:
    'sourceRecordId personId catalogCode decidedAt decisionNo status statusChangedAt caseKey ' +
    'keyGroup changeSeq',
  read: readEntry,
};

/**
 * POSTs the feed query to a department subgraph and validates the page it returns, so a broken
 * or unreachable source fails with a message that says where and why.
 */
export async function fetchFeedPage<E>(options: FetchFeedPageOptions<E>): Promise<FeedPage<E>> {
  const { source, reader } = options;
  const label = `${source.subgraph} ${source.feedField}`;
  const post = () =>
    fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify({
        query: feedQuery(source.feedField, reader.selection),
        variables: { after: options.after, first: options.first },
      }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  let response: Response;
  try {
    // One retry for a network failure (not a timeout): a pooled keep-alive connection may have
    // been closed by a restarted service, and reading a feed page is idempotent.
    response = await post().catch((error: unknown) => {
      if (typeof error === 'object' && error !== null && 'name' in error) {
        if (error.name === 'TimeoutError') throw error;
      }
      return post();
    });
  } catch (error) {
    throw new Error(`${label} at ${options.url}: ${describeFetchError(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${label}: HTTP ${response.status} without a JSON body`);
  }
  const errors = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
  const firstError = isObject(errors[0]) ? String(errors[0].message) : undefined;
  if (!response.ok || firstError !== undefined) {
    throw new Error(`${label}: HTTP ${response.status}${firstError ? `: ${firstError}` : ''}`);
  }
  const page = isObject(body) && isObject(body.data) ? body.data[source.feedField] : undefined;
  if (!isObject(page) || !Array.isArray(page.entries)) {
    throw new Error(`${label}: response has no ${source.feedField} page`);
  }
  if (typeof page.endCursor !== 'string' || typeof page.hasMore !== 'boolean') {
    throw new Error(`${label}: page without endCursor and hasMore`);
  }
  return {
    entries: page.entries.map((entry, index) => reader.read(entry, `${label} entries[${index}]`)),
    endCursor: page.endCursor,
    hasMore: page.hasMore,
  };
}
