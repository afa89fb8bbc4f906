/**
 * Verifies ONE audit chain (verify-chains.ts runs it for every writer; prune.ts runs it on the
 * prefix it is about to delete). Streams the entries in seq order in pages (keyset pagination on
 * the primary key), starting from the chain's prune anchor if it has one, and stops at the first
 * broken entry.
 *
 * API:
 *   const report = await verifyChain(db, 'gateway', { onProgress, knownDigests });
 *   // { writer, entries, head?, anchor?, firstBroken?: { seq, reason, detail } }
 *
 * Checks, in seq order: no entry left at or below the anchor; each entry has the next seq, links
 * to the previous entry's hash (the anchor's for the first), hashes to its stored hash, and its
 * subject index rows match its payload; a kept digest (an earlier verify's output) matches the
 * entry at its seq. Then the end: the last entry is the head row read at the start (fewer entries
 * = truncated), and no entry lies beyond the head (read again after, so concurrent appends pass).
 * The head row is itself in the database: the kept digests are what catch a rewrite of the whole
 * tail by someone able to recompute hashes (a database superuser).
 */
import type { Database } from '../db/database';
import { auditStore } from './audit-store';
import type { ChainPoint, StoredEntry } from './audit-store';
import { GENESIS_HASH, entryHash } from './chain-hash';

/** Why an entry is the first broken one of its chain. */
export type ChainBreakReason =
  | 'seq gap'
  | 'prevHash mismatch (deleted, inserted or reordered)'
  | 'hash mismatch (edited)'
  | 'anchor mismatch'
  | 'subject index mismatch'
  | 'known digest mismatch'
  | 'head mismatch (truncated)'
  | 'head mismatch (edited)'
  | 'head mismatch (entries beyond head)'
  | 'head missing'
  | 'verified entry changed';

/** The first broken entry of a chain. */
export interface ChainBreak {
  /** The seq of the broken (for deletions and truncation: the first missing) entry. */
  seq: number;
  reason: ChainBreakReason;
  /** One line for people: what was expected and found. */
  detail: string;
}

/** A digest kept off the system: `head` / `anchor` lines of an earlier verify (known-digests.ts). */
export interface KnownDigest {
  writer: string;
  seq: number;
  hash: string;
}

/** The outcome for one chain. */
export interface ChainReport {
  writer: string;
  /** Entries checked (up to the head read at the start, or up to the first break). */
  entries: number;
  /** The head row at the start of the check. */
  head?: ChainPoint;
  /** The newest prune anchor, where the check started. */
  anchor?: ChainPoint;
  /** Kept digests compared with the chain (those below the anchor cannot be, and are not). */
  digestsChecked: number;
  /** Absent when the chain is intact. */
  firstBroken?: ChainBreak;
  /**
   * The last entry found intact (the `resumeFrom` point when nothing newer was checked); absent
   * when no entry was. With no break, entries up to it are verified.
   */
  lastVerified?: ChainPoint & { recordedAt: string };
}

/** Progress after each page. */
export interface VerifyProgress {
  writer: string;
  /** Entries checked so far in this chain. */
  verified: number;
  /** Entries the chain should have (head seq minus anchor seq). */
  total: number;
}

/** Options of {@link verifyChain}. */
export interface VerifyChainOptions {
  /** Entries per page; default 5,000. */
  pageSize?: number;
  /** Check only up to this seq and skip the head checks (prune); default: up to the head. */
  untilSeq?: number;
  /** Digests kept off the system for this writer (others are ignored); default none. */
  knownDigests?: readonly KnownDigest[];
  /** Called after each page; default none. */
  onProgress?: (progress: VerifyProgress) => void;
  /**
   * Continue after an entry an earlier check found intact (its checkpoint), instead of from the
   * anchor: that entry must still be there with the same hash, and only newer ones are checked.
   * Ignored when at or below the prune anchor. Default: from the anchor (or the genesis).
   */
  resumeFrom?: ChainPoint & { recordedAt: string };
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

/** The subjects the payload names, as sorted `hmac masked` strings. */
function payloadSubjects(entry: StoredEntry): string[] {
  const { payload } = entry;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return [];
  const subjects = payload.subjects;
  if (!Array.isArray(subjects)) return [];
  return subjects
    .map((subject) => {
      if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return '?';
      return `${String(subject.hmac)} ${String(subject.masked)}`;
    })
    .sort();
}

function indexedSubjects(entry: StoredEntry): string[] {
  return entry.indexedSubjects.map(([hmac, masked]) => `${hmac} ${masked}`).sort();
}

function origin(seq: number, fromAnchor: boolean): string {
  if (fromAnchor) return 'the prune anchor';
  return seq === 1 ? 'the genesis' : `seq ${seq - 1}`;
}

/** Checks one entry against the one before; the first problem found, if any. */
function checkEntry(
  entry: StoredEntry,
  expected: ChainPoint & { fromAnchor: boolean },
  digests: ReadonlyMap<number, string>,
): ChainBreak | undefined {
  const seq = expected.seq;
  if (entry.seq !== seq) {
    const missing = entry.seq - 1 === seq ? `${seq}` : `${seq}..${entry.seq - 1}`;
    return {
      seq,
      reason: 'seq gap',
      detail: `expected seq ${seq}, found ${entry.seq}: entry ${missing} missing (deleted)`,
    };
  }
  if (entry.prevHash !== expected.hash) {
    return {
      seq,
      reason: expected.fromAnchor
        ? 'anchor mismatch'
        : 'prevHash mismatch (deleted, inserted or reordered)',
      detail: `prevHash ${short(entry.prevHash)} is not the hash ${short(expected.hash)} of ${origin(
        seq,
        expected.fromAnchor,
      )}`,
    };
  }
  const recomputed = entryHash(entry);
  if (recomputed !== entry.hash) {
    return {
      seq,
      reason: 'hash mismatch (edited)',
      detail: `stored hash ${short(entry.hash)}, recomputed ${short(recomputed)}`,
    };
  }
  const named = payloadSubjects(entry);
  const indexed = indexedSubjects(entry);
  if (named.join('\n') !== indexed.join('\n')) {
    return {
      seq,
      reason: 'subject index mismatch',
      detail: `payload names ${named.length} subject(s), audit.entry_subjects holds ${indexed.length} that differ`,
    };
  }
  const kept = digests.get(seq);
  if (kept !== undefined && kept !== entry.hash) {
    return {
      seq,
      reason: 'known digest mismatch',
      detail: `kept digest ${short(kept)}, chain has ${short(entry.hash)} (chain rewritten)`,
    };
  }
  return undefined;
}

/** Verifies one chain; never throws for a broken chain (only for a failing database). */
export async function verifyChain(
  db: Database,
  writer: string,
  options: VerifyChainOptions = {},
): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 5000;
  const anchor = await auditStore.readAnchor(db, writer);
  const head = options.untilSeq === undefined ? await auditStore.readHead(db, writer) : undefined;
  const digests = new Map(
    (options.knownDigests ?? [])
      .filter((digest) => digest.writer === writer)
      .map((digest) => [digest.seq, digest.hash]),
  );
  const resume =
    options.resumeFrom && options.resumeFrom.seq > (anchor?.seq ?? 0)
      ? options.resumeFrom
      : undefined;
  const start: ChainPoint = resume ?? anchor ?? { seq: 0, hash: GENESIS_HASH };
  let digestsChecked = 0;
  let lastVerified: (ChainPoint & { recordedAt: string }) | undefined = resume;
  const report = (entries: number, firstBroken?: ChainBreak): ChainReport => ({
    writer,
    entries,
    ...(head && { head }),
    ...(anchor && { anchor }),
    digestsChecked,
    ...(firstBroken && { firstBroken }),
    ...(lastVerified && { lastVerified }),
  });

  if (resume) {
    const [entry] = await auditStore.readChainPage(db, writer, resume.seq - 1, resume.seq, 1);
    const problem =
      entry === undefined || entry.seq !== resume.seq
        ? 'is missing'
        : entry.hash !== resume.hash
          ? `now has hash ${short(entry.hash)}`
          : entryHash(entry) !== entry.hash
            ? `no longer hashes to ${short(entry.hash)}`
            : undefined;
    if (problem !== undefined) {
      lastVerified = undefined;
      return report(0, {
        seq: resume.seq,
        reason: 'verified entry changed',
        detail: `entry ${resume.seq}, found intact with hash ${short(resume.hash)} by an earlier check, ${problem}`,
      });
    }
  }

  if (anchor) {
    const leftover = await auditStore.firstEntryAtOrBelow(db, writer, anchor.seq);
    if (leftover !== undefined) {
      return report(0, {
        seq: leftover,
        reason: 'anchor mismatch',
        detail: `entry ${leftover} is at or below the prune anchor at seq ${anchor.seq}`,
      });
    }
    const kept = digests.get(anchor.seq);
    if (kept !== undefined) {
      digestsChecked += 1;
      if (kept !== anchor.hash) {
        return report(0, {
          seq: anchor.seq,
          reason: 'known digest mismatch',
          detail: `kept digest ${short(kept)}, anchor has ${short(anchor.hash)}`,
        });
      }
    }
  }

  // Up to the head as read now: entries appended while we check are left for the next run.
  const last = options.untilSeq ?? head?.seq ?? (await auditStore.readLastEntry(db, writer))?.seq;
  const end = Math.max(last ?? start.seq, start.seq);
  const total = end - start.seq;
  let expected = {
    ...start,
    seq: start.seq + 1,
    fromAnchor: resume === undefined && anchor !== undefined,
  };
  let verified = 0;
  let afterSeq = start.seq;
  for (;;) {
    const page = await auditStore.readChainPage(db, writer, afterSeq, end, pageSize);
    for (const entry of page) {
      const broken = checkEntry(entry, expected, digests);
      if (broken) return report(verified, broken);
      if (digests.has(entry.seq)) digestsChecked += 1;
      verified += 1;
      lastVerified = { seq: entry.seq, hash: entry.hash, recordedAt: entry.recordedAt };
      expected = { seq: entry.seq + 1, hash: entry.hash, fromAnchor: false };
    }
    if (page.length > 0) afterSeq = page[page.length - 1].seq;
    options.onProgress?.({ writer, verified, total });
    if (page.length < pageSize) break;
  }

  const lastChecked: ChainPoint = { seq: expected.seq - 1, hash: expected.hash };
  if (lastChecked.seq < end) {
    // Entries missing before the head (truncated) or before the prefix end a prune asked for.
    const truncated = head !== undefined;
    return report(verified, {
      seq: lastChecked.seq + 1,
      reason: truncated ? 'head mismatch (truncated)' : 'seq gap',
      detail: truncated
        ? `the head names seq ${end} but the chain ends at seq ${lastChecked.seq}`
        : `expected seq ${lastChecked.seq + 1}, found none up to ${end}`,
    });
  }
  const beyondDigest = [...digests.keys()]
    .filter((seq) => seq > lastChecked.seq)
    .sort((a, b) => a - b)[0];
  if (beyondDigest !== undefined && (options.untilSeq === undefined || beyondDigest <= end)) {
    return report(verified, {
      seq: lastChecked.seq + 1,
      reason: 'known digest mismatch',
      detail: `a kept digest names seq ${beyondDigest} but the chain ends at seq ${lastChecked.seq} (truncated)`,
    });
  }
  if (options.untilSeq !== undefined) return report(verified);

  if (!head) {
    if (lastChecked.seq > (anchor?.seq ?? 0)) {
      return report(verified, {
        seq: lastChecked.seq,
        reason: 'head missing',
        detail: 'no audit.heads row for this chain: truncation cannot be ruled out',
      });
    }
    return report(verified);
  }
  if (lastChecked.hash !== head.hash) {
    return report(verified, {
      seq: head.seq,
      reason: 'head mismatch (edited)',
      detail: `the head holds ${short(head.hash)}, the entry at seq ${head.seq} ${short(lastChecked.hash)}`,
    });
  }
  // Entries and head are committed together and the head only moves forward: read the last
  // entry first, then the head; an entry beyond that head was not written by the writer.
  const newestEntry = await auditStore.readLastEntry(db, writer);
  const headNow = (await auditStore.readHead(db, writer)) ?? head;
  if (newestEntry && newestEntry.seq > headNow.seq) {
    return report(verified, {
      seq: headNow.seq + 1,
      reason: 'head mismatch (entries beyond head)',
      detail: `entries up to seq ${newestEntry.seq} exist but the head names seq ${headNow.seq}`,
    });
  }
  return report(verified);
}
