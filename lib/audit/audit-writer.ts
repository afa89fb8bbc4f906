/**
 * The audit writer (DESIGN §5): appends records to one hash chain with group commit and fails
 * closed.
 *
 * API:
 *   const audit = createAuditWriter({ db: auditDb, writer: 'gateway', hmacKey });
 *   const { seq, hash } = await audit.append({ kind: 'operation', requestId, caller, ... });
 *   // resolved = durably committed; rejected (AuditWriteError) = return NO person data
 *   await audit.close();   // flushes what is queued; does not close `db`
 *
 * Group commit without a fixed wait (leader/follower): an append on an idle writer starts its
 * commit at once (with whatever else was appended in the same turn of the event loop), so one
 * request at a time pays one commit and no timer. Appends arriving while a batch commits wait as
 * followers and form the next batch, written as soon as the commit returns. A store that commits
 * faster than appends arrive would still take one statement per record under load, so, like
 * PostgreSQL's commit_delay with commit_siblings, an append on an idle writer waits
 * `busyDelayMs` for company when `busySiblings` appends came within the last `busyWindowMs`
 * (records are arriving densely: the system is busy), unless the appender says it is `alone` (no
 * other request of its service in flight: the subgraphs and the gateway count them), so one
 * request at a time never waits, however fast it goes. A batch (up to `maxBatch` records) is
 * ONE statement (entries, subject index and chain head: all or nothing). Each append resolves
 * only after its batch has committed. `maxDelayMs` > 0 makes every append on an idle writer wait
 * (tests use it to hold a batch open).
 *
 * Fail closed: if a batch cannot be committed, every append in it rejects with AuditWriteError and
 * the writer forgets its chain head; the next batch re-reads the head from the store, so service
 * resumes by itself when the store is back (no restart). A rejected append may still have been
 * committed (the store failed after COMMIT): the chain stays valid and the audit then shows an
 * operation whose caller got an error, which errs on the side of recording.
 *
 * One timeout: every append resolves or rejects within `commitTimeoutMs` of being called (or the
 * shorter `timeoutMs` it is given), whether its batch is committing, queued behind a batch that
 * hangs, or never started; an append that times out before its batch started is dropped from the
 * queue. So a store that hangs fails each request after one timeout, not after the timeouts of the
 * batches ahead of it.
 *
 * One active writer per chain: the chain is continued in memory from the head read at start
 * (under the chain's advisory lock). Give every process its own chain name (`gateway`,
 * `gateway-2`, `tax`, ...). A second writer on the same chain cannot fork it (the (writer, seq)
 * primary key refuses the duplicate seq), but its batches then fail until it re-reads the head.
 */
import type { Database } from '../db/database';
import { auditStore } from './audit-store';
import type { ChainPoint, EntryToInsert } from './audit-store';
import type { AuditRecord } from './audit-record';
import { GENESIS_HASH, entryHash, toRecordedAt } from './chain-hash';
import { toStoredRecord } from './stored-record';
import type { StoredRecord } from './stored-record';

/** Options of {@link createAuditWriter}. */
export interface AuditWriterOptions {
  /** The audit store, migrated with lib/audit/migrations (schema `audit`). Not closed by close(). */
  db: Database;
  /** The chain's name: `gateway` or the subgraph's name; 1-100 of A-Z a-z 0-9 . _ : @ -. */
  writer: string;
  /** Key of the subject HMACs (loadAuditHmacKey); the same for every writer. */
  hmacKey: Buffer;
  /** Most records in one batch (one statement); default 256. */
  maxBatch?: number;
  /**
   * How long the first append on an idle writer waits for others to join; default 0 (commit at
   * once; appends during a commit still batch).
   */
  maxDelayMs?: number;
  /** Appends within `busyWindowMs` before this one that make the writer busy; default 1. */
  busySiblings?: number;
  /** See `busySiblings`; default 10 ms (so busy means 100 appends a second and more). */
  busyWindowMs?: number;
  /** How long an idle but busy writer waits for company (see `busySiblings`); default 2 ms. */
  busyDelayMs?: number;
  /** Most appends waiting; beyond it append rejects at once (fail closed); default 10,000. */
  maxQueue?: number;
  /**
   * Longest wait of one append, queueing and commit (head read included) together, before it
   * rejects; default 5,000 ms. A store that hangs (network partition, lock) must not hang the
   * callers.
   */
  commitTimeoutMs?: number;
  /** The clock that stamps `recorded_at`; default `() => new Date()` (tests pass others). */
  now?: () => Date;
}

/** Where an appended record went in its chain. */
export interface AppendResult {
  seq: number;
  hash: string;
}

/** Options of one append. */
export interface AppendOptions {
  /** Rejects after this many milliseconds if still not committed; default (and at most) `commitTimeoutMs`. */
  timeoutMs?: number;
  /**
   * The caller knows no other request of its service is in flight (its HTTP server counts them):
   * nobody can join the batch, so an idle writer commits at once however densely records came
   * before. Default false (the writer judges by how densely records arrive).
   */
  alone?: boolean;
}

/** Whether the store takes writes now. */
export interface AuditStoreHealth {
  ok: boolean;
  /** Why not, when not (never person data). */
  reason?: string;
}

/** Appends records to one chain. */
export interface AuditWriter {
  /** The chain's name. */
  readonly writer: string;
  /** Resolves once the record is committed; rejects with AuditWriteError if it cannot be. */
  append(record: AuditRecord, options?: AppendOptions): Promise<AppendResult>;
  /**
   * Probes the store as a batch would write to it (rolled back), within `timeoutMs` (default
   * 1000): for `/health`, which must tell the truth while the store refuses or hangs.
   */
  health(timeoutMs?: number): Promise<AuditStoreHealth>;
  /** Refuses new appends, waits until everything queued is committed (or rejected). */
  close(): Promise<void>;
  /** Appends not yet committed (queued or in the batch being written), for metrics. */
  pending(): number;
  /** Calls `listener` after every batch commit, successful or not (metrics). */
  observe(listener: (commit: CommitObservation) => void): void;
}

/** One batch commit as observed (see AuditWriter.observe). */
export interface CommitObservation {
  /** Wall time of the commit, head read included. */
  seconds: number;
  /** Records in the batch. */
  entries: number;
  ok: boolean;
}

/** The record could not be written: the caller must fail closed (no person data). */
export class AuditWriteError extends Error {
  /** Stable code for error extensions and logs. */
  readonly code = 'AUDIT_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuditWriteError';
  }
}

const WRITER_NAME = /^[A-Za-z0-9._:@-]{1,100}$/;

interface Pending {
  record: StoredRecord;
  recordedAt: string;
  resolve(result: AppendResult): void;
  reject(error: AuditWriteError): void;
  /** Set once resolved or rejected (by its batch or its own timer). */
  settled: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `work`, or a rejection after `ms`; an abandoned `work` settles unobserved. */
function withTimeout<T>(work: Promise<T>, ms: number, what = 'commit'): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A writer of one chain; see the file comment for group commit and failure behaviour. */
export function createAuditWriter(options: AuditWriterOptions): AuditWriter {
  const { db, writer, hmacKey } = options;
  if (!WRITER_NAME.test(writer))
    throw new Error(`invalid audit writer name ${JSON.stringify(writer)}`);
  const maxBatch = options.maxBatch ?? 256;
  const maxDelayMs = options.maxDelayMs ?? 0;
  const busySiblings = options.busySiblings ?? 1;
  const busyWindowMs = options.busyWindowMs ?? 10;
  const busyDelayMs = options.busyDelayMs ?? 2;
  const maxQueue = options.maxQueue ?? 10_000;
  const now = options.now ?? (() => new Date());
  const commitTimeoutMs = options.commitTimeoutMs ?? 5000;
  if (!(maxBatch >= 1)) throw new Error('maxBatch must be at least 1');

  const queue: Pending[] = [];
  let head: ChainPoint | undefined;
  let headKnown = false;
  let timer: NodeJS.Timeout | undefined;
  let leaderScheduled = false;
  /** Arrival times of the last `busySiblings` appends, oldest first. */
  const recentAppends: number[] = [];
  let draining: Promise<void> | undefined;
  let closed = false;
  let inFlight = 0;
  const listeners: ((commit: CommitObservation) => void)[] = [];
  const observed = (commit: CommitObservation) => {
    for (const listener of listeners) {
      try {
        listener(commit);
      } catch {
        // A failing observer (metrics) must never fail or repeat a commit.
      }
    }
  };

  /**
   * Chains the batch from `start` (read from the store when unknown) and writes it; returns the
   * entries written. Touches no writer state: after a timeout it may still finish, unobserved.
   */
  async function write(
    batch: Pending[],
    start: ChainPoint | undefined,
    known: boolean,
  ): Promise<EntryToInsert[]> {
    const from = known ? start : await auditStore.readChainHead(db, writer);
    let previous = from ?? { seq: 0, hash: GENESIS_HASH };
    const entries: EntryToInsert[] = batch.map((pending) => {
      const content = {
        writer,
        seq: previous.seq + 1,
        prevHash: previous.hash,
        recordedAt: pending.recordedAt,
        kind: pending.record.kind,
        requestId: pending.record.requestId,
        payload: pending.record.payload,
      };
      const entry = { ...content, hash: entryHash(content), subjects: pending.record.subjects };
      previous = entry;
      return entry;
    });
    await auditStore.insertBatch(db, writer, entries);
    return entries;
  }

  async function commit(batch: Pending[]): Promise<void> {
    const began = performance.now();
    const seconds = () => (performance.now() - began) / 1000;
    inFlight = batch.length;
    try {
      const entries = await withTimeout(write(batch, head, headKnown), commitTimeoutMs);
      observed({ seconds: seconds(), entries: batch.length, ok: true });
      const last = entries[entries.length - 1];
      head = { seq: last.seq, hash: last.hash };
      headKnown = true;
      batch.forEach((pending, index) => {
        const entry = entries[index];
        pending.resolve({ seq: entry.seq, hash: entry.hash });
      });
    } catch (error) {
      // The store may or may not hold this batch (or may still commit it, after a timeout):
      // re-read the head before the next one; the primary key refuses a seq written twice.
      headKnown = false;
      head = undefined;
      const failure = new AuditWriteError(
        `audit store unavailable, record not written (${writer}): ${describe(error)}`,
        { cause: error },
      );
      observed({ seconds: seconds(), entries: batch.length, ok: false });
      for (const pending of batch) pending.reject(failure);
    } finally {
      inFlight = 0;
    }
  }

  async function drain(): Promise<void> {
    // commit() never throws; each loop turn awaits, so `draining` is set before this ends.
    while (queue.length > 0) await commit(queue.splice(0, maxBatch));
    draining = undefined;
  }

  /** Rejects `pending` at its deadline unless settled by then; drops it if still queued. */
  function expire(pending: Pending, ms: number): void {
    const timer = setTimeout(() => {
      if (pending.settled) return;
      const index = queue.indexOf(pending);
      if (index >= 0) queue.splice(index, 1);
      pending.reject(
        new AuditWriteError(
          `audit store unavailable, record not written (${writer}): no commit within ${ms} ms`,
        ),
      );
    }, ms);
    timer.unref();
    const { resolve, reject } = pending;
    pending.resolve = (result) => {
      if (pending.settled) return;
      pending.settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    pending.reject = (error) => {
      if (pending.settled) return;
      pending.settled = true;
      clearTimeout(timer);
      reject(error);
    };
  }

  function flush(): void {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (!draining && queue.length > 0) draining = drain();
  }

  function schedule(alone: boolean): void {
    const now = performance.now();
    const busy = recentAppends.length >= busySiblings && now - recentAppends[0] < busyWindowMs;
    recentAppends.push(now);
    if (recentAppends.length > busySiblings) recentAppends.shift();
    // A running drain picks the new append up when its commit returns (the appender follows).
    if (draining) return;
    if (queue.length >= maxBatch) flush();
    else if (maxDelayMs > 0) timer ??= setTimeout(flush, maxDelayMs);
    else if ((busy && !alone) || timer) timer ??= setTimeout(flush, busyDelayMs);
    else if (!leaderScheduled) {
      // The first append on an idle writer leads: its commit starts once the current turn of
      // the event loop ends, taking along whatever else that turn appended.
      leaderScheduled = true;
      queueMicrotask(() => {
        leaderScheduled = false;
        flush();
      });
    }
  }

  return {
    writer,
    append(record, appendOptions = {}) {
      if (closed) {
        return Promise.reject(new AuditWriteError(`audit writer ${writer} is closed`));
      }
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new AuditWriteError(`audit writer ${writer}: ${maxQueue} records already waiting`),
        );
      }
      let stored: StoredRecord;
      try {
        stored = toStoredRecord(record, hmacKey);
      } catch (error) {
        return Promise.reject(
          new AuditWriteError(`invalid audit record: ${describe(error)}`, { cause: error }),
        );
      }
      const timeoutMs = Math.min(appendOptions.timeoutMs ?? commitTimeoutMs, commitTimeoutMs);
      return new Promise<AppendResult>((resolve, reject) => {
        const pending: Pending = {
          record: stored,
          recordedAt: toRecordedAt(now()),
          resolve,
          reject,
          settled: false,
        };
        expire(pending, timeoutMs);
        queue.push(pending);
        schedule(appendOptions.alone ?? false);
      });
    },
    async health(timeoutMs = 1000) {
      try {
        await withTimeout(auditStore.probeWrite(db, timeoutMs), timeoutMs, 'answer');
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: describe(error).slice(0, 200) };
      }
    },
    async close() {
      closed = true;
      flush();
      while (draining) await draining;
    },
    pending: () => queue.length + inFlight,
    observe(listener) {
      listeners.push(listener);
    },
  };
}
