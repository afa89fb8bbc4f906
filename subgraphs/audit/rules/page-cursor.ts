/**
 * Opaque keyset cursors of the audit read side: base64url of a JSON array.
 * - Entry cursor `[recordedAt, writer, seq]`: the same format as lib/audit/search.ts, so a cursor
 *   of Query.auditEvents and of Person.accessLog are interchangeable positions in the log.
 * - Request cursor `[firstRecordedAt, requestId]`: a position in Query.myAccessLog, whose entries
 *   are whole requests.
 * Decoders return undefined for anything malformed (the resolver names the argument).
 */

/** A position in the (recorded_at, writer, seq) order of audit entries. */
export interface EntryPosition {
  recordedAt: string;
  writer: string;
  seq: number;
}

/** A position in the (first recorded_at, request id) order of the citizen's access log. */
export interface RequestPosition {
  firstAt: string;
  requestId: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function encode(value: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(cursor: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The cursor of an entry. */
export function encodeEntryCursor(position: EntryPosition): string {
  return encode([position.recordedAt, position.writer, position.seq]);
}

/** The position of an entry cursor, or undefined when it is not one. */
export function decodeEntryCursor(cursor: string): EntryPosition | undefined {
  const value = decode(cursor);
  if (
    value?.length !== 3 ||
    typeof value[0] !== 'string' ||
    !INSTANT.test(value[0]) ||
    typeof value[1] !== 'string' ||
    !Number.isSafeInteger(value[2])
  ) {
    return undefined;
  }
  return { recordedAt: value[0], writer: value[1], seq: Number(value[2]) };
}

/** The cursor of a request in the citizen's access log. */
export function encodeRequestCursor(position: RequestPosition): string {
  return encode([position.firstAt, position.requestId]);
}

/** The position of a request cursor, or undefined when it is not one. */
export function decodeRequestCursor(cursor: string): RequestPosition | undefined {
  const value = decode(cursor);
  if (
    value?.length !== 2 ||
    typeof value[0] !== 'string' ||
    !INSTANT.test(value[0]) ||
    typeof value[1] !== 'string'
  ) {
    return undefined;
  }
  return { firstAt: value[0], requestId: value[1] };
}
