/**
 * Retention pruning (DESIGN §5): deletes each chain's entries recorded before a cutoff and keeps
 * the remaining chain verifiable from an anchor (the last deleted entry's seq and hash, stored in
 * `audit.anchors`, where verify starts).
 *
 * API:
 *   await pruneBefore(db, retentionCutoff(new Date(), 36));                 // default retention
 *   await pruneBefore(db, '2023-01-01', { retentionMonths: 24 });
 *   // { cutoff, writers: [{ writer, deleted, anchor: { seq, hash } }] }
 *
 * Refuses a retention below 6 months and a cutoff that would delete entries younger than the
 * retention. Deletes a prefix of each chain only: up to the entry before the first one recorded at
 * or after the cutoff. Before deleting, it verifies the prefix (from the previous anchor) and
 * refuses to prune a broken chain, so a tampered entry can never be laundered into an anchor.
 */
import type { Database } from '../db/database';
import { auditStore } from './audit-store';
import type { ChainPoint } from './audit-store';
import { DEFAULT_RETENTION_MONTHS, assertRetentionMonths, retentionCutoff } from './retention';
import { verifyChain } from './verify-chain';

/** Options of {@link pruneBefore}. */
export interface PruneOptions {
  /** The retention the cutoff must respect; default 36 months, below 6 refused. */
  retentionMonths?: number;
  /** The current time; default `new Date()`. */
  now?: Date;
}

/** What a prune did to one chain. */
export interface PrunedChain {
  writer: string;
  /** Entries deleted now. */
  deleted: number;
  /** The chain's anchor after the prune. */
  anchor: ChainPoint;
}

/** What a prune did. */
export interface PruneResult {
  /** The cutoff applied, ISO instant. */
  cutoff: string;
  /** The chains that lost entries. */
  writers: PrunedChain[];
}

function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid prune cutoff ${String(value)}`);
  return date;
}

/** Deletes every chain's prefix recorded before `cutoff` (a Date, or an ISO date/instant). */
export async function pruneBefore(
  db: Database,
  cutoff: Date | string,
  options: PruneOptions = {},
): Promise<PruneResult> {
  const months = options.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  assertRetentionMonths(months);
  const limit = retentionCutoff(options.now ?? new Date(), months);
  const at = toInstant(cutoff);
  if (at.getTime() > limit.getTime()) {
    throw new RangeError(
      `refusing to prune entries younger than the retention of ${months} months: cutoff ` +
        `${at.toISOString()} is after ${limit.toISOString()}`,
    );
  }
  const writers: PrunedChain[] = [];
  for (const writer of await auditStore.listWriters(db)) {
    const end = await auditStore.readPrefixEnd(db, writer, at.toISOString());
    if (!end) continue;
    const check = await verifyChain(db, writer, { untilSeq: end.seq });
    if (check.firstBroken) {
      const { seq, reason } = check.firstBroken;
      throw new Error(
        `refusing to prune chain ${writer}: it is broken at seq ${seq} (${reason}); ` +
          'run npm run audit:verify and investigate first',
      );
    }
    const deleted = await auditStore.deletePrefix(db, writer, end);
    writers.push({ writer, deleted, anchor: end });
  }
  return { cutoff: at.toISOString(), writers };
}
