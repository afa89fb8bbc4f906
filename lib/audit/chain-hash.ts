/**
 * The hash of one audit chain entry (DESIGN §5, X-Road style):
 * `hash = sha256(canonicalJson(entry without hash) || prevHash)`, hex, where the entry is
 * `{ writer, seq, prevHash, recordedAt, kind, requestId, payload }` and `||` appends the previous
 * entry's hex hash to the canonical text. The first entry of a chain has `prevHash` = GENESIS_HASH.
 *
 * API:
 *   const hash = entryHash({ writer: 'gateway', seq: 1, prevHash: GENESIS_HASH,
 *     recordedAt: '2025-01-02T03:04:05.678000Z', kind: 'operation', requestId: 'r1', payload });
 *   toRecordedAt(new Date())   // the microsecond UTC form hashed and stored in recorded_at
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';
import type { JsonValue } from './canonical';

/** `prevHash` of the first entry of every chain: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The two kinds of record: the gateway's per-operation record, a subgraph's resolver log. */
export type AuditEntryKind = 'operation' | 'resolver';

/** What the hash covers: every stored column of an entry except `hash` itself. */
export interface ChainEntryContent {
  /** The chain: `gateway`, or the subgraph name. */
  writer: string;
  /** 1, 2, 3... without gaps within a writer. */
  seq: number;
  /** Hash of the entry before (or of the prune anchor); GENESIS_HASH for seq 1. */
  prevHash: string;
  /** UTC with microseconds, `yyyy-mm-ddThh:mm:ss.ffffffZ` (see {@link toRecordedAt}). */
  recordedAt: string;
  kind: AuditEntryKind;
  requestId: string | null;
  payload: JsonValue;
}

/** An entry as stored: its content and its hash. */
export interface ChainEntry extends ChainEntryContent {
  hash: string;
}

/** The hex sha256 of the entry's canonical content followed by its prevHash. */
export function entryHash(entry: ChainEntryContent): string {
  const content = canonicalJson({
    writer: entry.writer,
    seq: entry.seq,
    prevHash: entry.prevHash,
    recordedAt: entry.recordedAt,
    kind: entry.kind,
    requestId: entry.requestId,
    payload: entry.payload,
  });
  return createHash('sha256').update(content, 'utf8').update(entry.prevHash, 'utf8').digest('hex');
}

/**
 * The stored and hashed form of a time: ISO 8601 UTC with six fraction digits, the precision of
 * `timestamptz`, so any edit of `recorded_at` (even by a microsecond) changes the hash.
 */
export function toRecordedAt(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}
