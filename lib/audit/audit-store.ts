/**
 * All SQL of the audit store (schema `audit`, lib/audit/migrations/001_audit.sql). The writer,
 * verify, prune and search modules hold the logic and call these functions; each takes the
 * Queryable to run on (a database or a transaction).
 *
 * API: `auditStore.insertBatch(db, writer, entries, head)`, `.readChainHead(db, writer)`,
 * `.readChainPage(db, writer, afterSeq, untilSeq, limit)`, `.searchEntries(db, query)`, ...
 */
import type { Database, Queryable } from '../db/database';
import type { JsonValue } from './canonical';
import type { AuditEntryKind, ChainEntry } from './chain-hash';
import type { SubjectRef } from './subject-hmac';
import { utcTextSql } from './utc-text-sql';

/** A position in a chain: an entry's seq and hash (head, anchor, last entry). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** Where a chain-status check left a chain: its last entry found intact. */
export interface VerifyCheckpoint extends ChainPoint {
  writer: string;
  /** The entry's recorded_at as hashed (UTC ISO, microseconds). */
  recordedAt: string;
  /** When the check that reached it ran (UTC ISO, microseconds). */
  verifiedAt: string;
}

/** An entry to insert, with the subjects for the search index. */
export interface EntryToInsert extends ChainEntry {
  subjects: readonly SubjectRef[];
}

/** A stored entry as read back, with its rows of `audit.entry_subjects` as [hmac, masked]. */
export interface StoredEntry extends ChainEntry {
  indexedSubjects: [string, string][];
}

/** A resolved search: instants, hashes and the keyset position (see search.ts). */
export interface EntryQuery {
  /** Inclusive lower bound, ISO instant. */
  from?: string;
  /** Exclusive upper bound, ISO instant. */
  to?: string;
  writer?: string;
  kind?: AuditEntryKind;
  subjectHmac?: string;
  requestId?: string;
  dept?: string;
  /** Matches `payload.user`, or `payload.userHmac` when `userHmac` is given too. */
  user?: string;
  userHmac?: string;
  purpose?: string;
  caseRef?: string;
  result?: string;
  /** Keyset position: entries strictly after it in `order`. */
  after?: { recordedAt: string; writer: string; seq: number };
  order: 'asc' | 'desc';
  limit: number;
}

interface EntryRow {
  writer: string;
  seq: string;
  prev_hash: string;
  hash: string;
  recorded_at: string;
  kind: AuditEntryKind;
  request_id: string | null;
  payload: JsonValue;
  subjects: [string, string][];
}

/** The stored and hashed form of recorded_at: UTC, microseconds (chain-hash.ts toRecordedAt). */
const RECORDED_AT = utcTextSql('e.recorded_at');

const ENTRY_COLUMNS = `e.writer, e.seq::text AS seq, e.prev_hash, e.hash,
  ${RECORDED_AT} AS recorded_at, e.kind, e.request_id, e.payload,
  (SELECT coalesce(jsonb_agg(jsonb_build_array(s.subject_hmac, s.subject_masked)
                             ORDER BY s.subject_hmac), '[]'::jsonb)
     FROM audit.entry_subjects s WHERE s.writer = e.writer AND s.seq = e.seq) AS subjects`;

/** The advisory lock that serializes head reads and prunes of one chain. */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('audit.chain:' || $1))`;

function toStoredEntry(row: EntryRow): StoredEntry {
  return {
    writer: row.writer,
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    recordedAt: row.recorded_at,
    kind: row.kind,
    requestId: row.request_id,
    payload: row.payload,
    indexedSubjects: row.subjects,
  };
}

function point(value: unknown): ChainPoint | undefined {
  if (value === null || typeof value !== 'object' || !('seq' in value) || !('hash' in value)) {
    return undefined;
  }
  const { seq, hash } = value;
  return typeof seq === 'number' && typeof hash === 'string' ? { seq, hash } : undefined;
}

/** The newest of the points by seq. */
function newest(points: (ChainPoint | undefined)[]): ChainPoint | undefined {
  let best: ChainPoint | undefined;
  for (const candidate of points) {
    if (candidate && (!best || candidate.seq > best.seq)) best = candidate;
  }
  return best;
}

async function readPoint(db: Queryable, sql: string, params: readonly unknown[]) {
  const rows = await db.query<{ point: unknown }>(sql, params);
  return point(rows[0]?.point);
}

export const auditStore = {
  /**
   * The chain's current end, to continue from: the newest of its head row, its last entry and its
   * prune anchor (all equal unless tampered with), or undefined for a new chain. Read under the
   * chain's advisory lock, so never in the middle of a prune.
   */
  async readChainHead(db: Database, writer: string): Promise<ChainPoint | undefined> {
    return db.transaction(async (tx) => {
      await tx.query(CHAIN_LOCK, [writer]);
      const rows = await tx.query<{ head: unknown; last: unknown; anchor: unknown }>(
        `SELECT
           (SELECT jsonb_build_object('seq', seq, 'hash', hash) FROM audit.heads
             WHERE writer = $1) AS head,
           (SELECT jsonb_build_object('seq', seq, 'hash', hash) FROM audit.entries
             WHERE writer = $1 ORDER BY seq DESC LIMIT 1) AS last,
           (SELECT jsonb_build_object('seq', seq, 'hash', hash) FROM audit.anchors
             WHERE writer = $1 ORDER BY seq DESC LIMIT 1) AS anchor`,
        [writer],
      );
      const row = rows[0];
      return newest([point(row?.head), point(row?.last), point(row?.anchor)]);
    });
  },

  /**
   * Inserts a batch of consecutive entries of one chain, their subject index rows and the new head
   * in ONE statement (one implicit transaction: all or nothing). A seq already taken (a second
   * writer on the same chain) fails the whole statement on the primary key.
   */
  async insertBatch(db: Queryable, writer: string, entries: readonly EntryToInsert[]) {
    const last = entries[entries.length - 1];
    if (!last) return;
    const rows = entries.map((entry) => ({
      writer: entry.writer,
      seq: entry.seq,
      prev_hash: entry.prevHash,
      hash: entry.hash,
      recorded_at: entry.recordedAt,
      kind: entry.kind,
      request_id: entry.requestId,
      payload: entry.payload,
    }));
    const subjects = entries.flatMap((entry) =>
      entry.subjects.map((subject) => ({
        writer: entry.writer,
        seq: entry.seq,
        subject_hmac: subject.hmac,
        subject_masked: subject.masked,
      })),
    );
    await db.query(
      `WITH new_entries AS (
         INSERT INTO audit.entries (writer, seq, prev_hash, hash, recorded_at, kind, request_id,
           payload)
         SELECT writer, seq, prev_hash, hash, recorded_at, kind, request_id, payload
         FROM jsonb_to_recordset($1::jsonb) AS x(writer text, seq bigint, prev_hash text,
           hash text, recorded_at timestamptz, kind text, request_id text, payload jsonb)
         RETURNING seq
       ), new_subjects AS (
         INSERT INTO audit.entry_subjects (writer, seq, subject_hmac, subject_masked)
         SELECT writer, seq, subject_hmac, subject_masked
         FROM jsonb_to_recordset($2::jsonb) AS x(writer text, seq bigint, subject_hmac text,
           subject_masked text)
         RETURNING seq
       )
       INSERT INTO audit.heads (writer, seq, hash, updated_at) VALUES ($3, $4, $5, now())
       ON CONFLICT (writer) DO UPDATE
         SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(rows), JSON.stringify(subjects), writer, last.seq, last.hash],
    );
  },

  /**
   * Whether the store would take a batch now: inserts a probe entry, its subject row and a head
   * row exactly as a batch does, then rolls them back. A renamed or locked table, a refused insert
   * (trigger, privilege, full disk) or a store that does not answer within `timeoutMs` (the
   * server cancels the statement; the caller times out too) all fail it. The probe's writer name
   * `~health` is one no chain can have (writer names never hold `~`).
   */
  async probeWrite(db: Database, timeoutMs: number): Promise<void> {
    const rolledBack = new Error('probe rolled back');
    try {
      await db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [`${timeoutMs}ms`]);
        await tx.query(
          `WITH probe AS (
             INSERT INTO audit.entries (writer, seq, prev_hash, hash, recorded_at, kind, payload)
             VALUES ('~health', 1, '', '', now(), 'operation', '{}'::jsonb) RETURNING seq
           ), probe_subject AS (
             INSERT INTO audit.entry_subjects (writer, seq, subject_hmac, subject_masked)
             VALUES ('~health', 1, '', '') RETURNING seq
           )
           INSERT INTO audit.heads (writer, seq, hash, updated_at) VALUES ('~health', 1, '', now())
           ON CONFLICT (writer) DO NOTHING`,
        );
        throw rolledBack;
      });
    } catch (error) {
      if (error !== rolledBack) throw error;
    }
  },

  /** Every writer with entries, a head or an anchor, in name order. */
  async listWriters(db: Queryable): Promise<string[]> {
    // A loose index scan over the primary key: one index probe per writer, not a table scan.
    const rows = await db.query<{ writer: string }>(
      `WITH RECURSIVE w(writer) AS (
         (SELECT writer FROM audit.entries ORDER BY writer LIMIT 1)
         UNION ALL
         SELECT (SELECT e.writer FROM audit.entries e WHERE e.writer > w.writer
                 ORDER BY e.writer LIMIT 1)
         FROM w WHERE w.writer IS NOT NULL)
       SELECT writer FROM w WHERE writer IS NOT NULL
       UNION SELECT writer FROM audit.heads
       UNION SELECT writer FROM audit.anchors
       ORDER BY writer`,
    );
    return rows.map((row) => row.writer);
  },

  /** The chain's head row (updated with every batch). */
  readHead(db: Queryable, writer: string): Promise<ChainPoint | undefined> {
    return readPoint(
      db,
      `SELECT jsonb_build_object('seq', seq, 'hash', hash) AS point FROM audit.heads
        WHERE writer = $1`,
      [writer],
    );
  },

  /** The newest prune anchor of the chain. */
  readAnchor(db: Queryable, writer: string): Promise<ChainPoint | undefined> {
    return readPoint(
      db,
      `SELECT jsonb_build_object('seq', seq, 'hash', hash) AS point FROM audit.anchors
        WHERE writer = $1 ORDER BY seq DESC LIMIT 1`,
      [writer],
    );
  },

  /** The chain's entry with the highest seq. */
  readLastEntry(db: Queryable, writer: string): Promise<ChainPoint | undefined> {
    return readPoint(
      db,
      `SELECT jsonb_build_object('seq', seq, 'hash', hash) AS point FROM audit.entries
        WHERE writer = $1 ORDER BY seq DESC LIMIT 1`,
      [writer],
    );
  },

  /** The lowest seq of the chain's entries at or below `seq` (entries a prune should have removed). */
  async firstEntryAtOrBelow(db: Queryable, writer: string, seq: number) {
    const rows = await db.query<{ seq: string | null }>(
      `SELECT min(seq)::text AS seq FROM audit.entries WHERE writer = $1 AND seq <= $2`,
      [writer, seq],
    );
    const found = rows[0]?.seq;
    return found === null || found === undefined ? undefined : Number(found);
  },

  /** Every chain's checkpoint of the last chain-status check (002_verify_checkpoints.sql). */
  async readCheckpoints(db: Queryable): Promise<VerifyCheckpoint[]> {
    const rows = await db.query<{
      writer: string;
      seq: string;
      hash: string;
      recorded_at: string;
      verified_at: string;
    }>(
      `SELECT writer, seq::text AS seq, hash, recorded_at, ${utcTextSql('verified_at')} AS verified_at
         FROM audit.verify_checkpoints ORDER BY writer`,
    );
    return rows.map((row) => ({
      writer: row.writer,
      seq: Number(row.seq),
      hash: row.hash,
      recordedAt: row.recorded_at,
      verifiedAt: row.verified_at,
    }));
  },

  /**
   * Moves a chain's checkpoint to `point` (verified at `verifiedAt`, an ISO instant); never back
   * to an earlier seq, so two concurrent checks cannot undo each other.
   */
  async saveCheckpoint(
    db: Queryable,
    writer: string,
    point: ChainPoint & { recordedAt: string },
    verifiedAt: string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO audit.verify_checkpoints AS c (writer, seq, hash, recorded_at, verified_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz)
       ON CONFLICT (writer) DO UPDATE
         SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, recorded_at = EXCLUDED.recorded_at,
             verified_at = EXCLUDED.verified_at
         WHERE EXCLUDED.seq >= c.seq`,
      [writer, point.seq, point.hash, point.recordedAt, verifiedAt],
    );
  },

  /** Forgets every checkpoint: the next check verifies every chain from its anchor. */
  async clearCheckpoints(db: Queryable): Promise<void> {
    await db.query(`DELETE FROM audit.verify_checkpoints`);
  },

  /** Up to `limit` entries of a chain with `afterSeq < seq <= untilSeq`, in seq order. */
  async readChainPage(
    db: Queryable,
    writer: string,
    afterSeq: number,
    untilSeq: number,
    limit: number,
  ): Promise<StoredEntry[]> {
    const rows = await db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM audit.entries e
        WHERE e.writer = $1 AND e.seq > $2 AND e.seq <= $3
        ORDER BY e.seq LIMIT $4`,
      [writer, afterSeq, untilSeq, limit],
    );
    return rows.map(toStoredEntry);
  },

  /**
   * The end of the chain's prefix recorded before `cutoff`: the entry just before the first entry
   * recorded at or after it (so a prune removes a prefix even if the clock once went back), or
   * the chain's last entry when all are older.
   */
  readPrefixEnd(db: Queryable, writer: string, cutoff: string): Promise<ChainPoint | undefined> {
    return readPoint(
      db,
      `SELECT jsonb_build_object('seq', seq, 'hash', hash) AS point FROM audit.entries
        WHERE writer = $1 AND seq < coalesce(
          (SELECT min(seq) FROM audit.entries WHERE writer = $1 AND recorded_at >= $2::timestamptz),
          9223372036854775807)
        ORDER BY seq DESC LIMIT 1`,
      [writer, cutoff],
    );
  },

  /**
   * Deletes the chain's entries up to `end.seq` and stores `end` as its anchor, in one
   * transaction under the chain lock; `audit.pruning = on` for that transaction lets the
   * append-only triggers allow the deletes. Returns the number of entries deleted.
   */
  async deletePrefix(db: Database, writer: string, end: ChainPoint): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.query(CHAIN_LOCK, [writer]);
      await tx.query(`SELECT set_config('audit.pruning', 'on', true)`);
      await tx.query(`DELETE FROM audit.entry_subjects WHERE writer = $1 AND seq <= $2`, [
        writer,
        end.seq,
      ]);
      const deleted = await tx.query<{ count: number }>(
        `WITH gone AS (DELETE FROM audit.entries WHERE writer = $1 AND seq <= $2 RETURNING 1)
         SELECT count(*)::int AS count FROM gone`,
        [writer, end.seq],
      );
      await tx.query(
        `INSERT INTO audit.anchors (writer, seq, hash, pruned_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (writer, seq) DO NOTHING`,
        [writer, end.seq, end.hash],
      );
      return deleted[0]?.count ?? 0;
    });
  },

  /** One page of a search, in (recorded_at, writer, seq) order. */
  async searchEntries(db: Queryable, query: EntryQuery): Promise<StoredEntry[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const payloadEquals = (key: string, value: string | undefined) => {
      if (value !== undefined) where.push(`e.payload->>'${key}' = ${param(value)}`);
    };
    if (query.from !== undefined) where.push(`e.recorded_at >= ${param(query.from)}::timestamptz`);
    if (query.to !== undefined) where.push(`e.recorded_at < ${param(query.to)}::timestamptz`);
    if (query.writer !== undefined) where.push(`e.writer = ${param(query.writer)}`);
    if (query.kind !== undefined) where.push(`e.kind = ${param(query.kind)}`);
    if (query.requestId !== undefined) where.push(`e.request_id = ${param(query.requestId)}`);
    if (query.subjectHmac !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM audit.entry_subjects s WHERE s.writer = e.writer
        AND s.seq = e.seq AND s.subject_hmac = ${param(query.subjectHmac)})`);
    }
    payloadEquals('dept', query.dept);
    payloadEquals('purpose', query.purpose);
    payloadEquals('caseRef', query.caseRef);
    payloadEquals('result', query.result);
    if (query.user !== undefined) {
      const byName = `e.payload->>'user' = ${param(query.user)}`;
      where.push(
        query.userHmac === undefined
          ? byName
          : `(${byName} OR e.payload->>'userHmac' = ${param(query.userHmac)})`,
      );
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    if (query.after) {
      const comparison = query.order === 'desc' ? '<' : '>';
      where.push(
        `(e.recorded_at, e.writer, e.seq) ${comparison} (${param(query.after.recordedAt)}::timestamptz,
          ${param(query.after.writer)}, ${param(query.after.seq)}::bigint)`,
      );
    }
    const rows = await db.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM audit.entries e
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.recorded_at ${direction}, e.writer ${direction}, e.seq ${direction}
        LIMIT ${param(query.limit)}`,
      params,
    );
    return rows.map(toStoredEntry);
  },
};
