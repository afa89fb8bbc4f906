/**
 * Chain status on a running system (Query.auditChainStatus): verifies every audit chain from where
 * the previous check left it (audit.verify_checkpoints) up to its head, so a check costs only the
 * entries appended since, and says per chain "verified up to seq N (recorded at T)" or names the
 * first broken entry. Reads the store through the same Database as the running services, so it
 * works on the embedded PGlite while the system holds it, and on a PostgreSQL server alike.
 *
 * API:
 *   const status = await checkChainStatus(db, { restart: false, maxEntriesPerChain: 100_000 });
 *   // { ok, checkedAt, chains: [{ writer, ok, verified?, verifiedAt?, headSeq, checkedNow,
 *   //   pending, firstBroken? }] }
 */
import type { Database } from '../db/database';
import { auditStore } from './audit-store';
import type { ChainPoint } from './audit-store';
import { toRecordedAt } from './chain-hash';
import { verifyChain } from './verify-chain';
import type { ChainBreak } from './verify-chain';

/** Options of {@link checkChainStatus}. */
export interface CheckChainStatusOptions {
  /** Forget the checkpoints and verify every chain from its anchor again; default false. */
  restart?: boolean;
  /**
   * Most entries verified per chain in one check (the bound on its work); the rest is `pending`
   * and verified by the next check. Default 100,000.
   */
  maxEntriesPerChain?: number;
  /** Clock of `checkedAt` and of the checkpoints; default the system clock. */
  now?: () => Date;
}

/** One chain's status. */
export interface ChainState {
  writer: string;
  /** No broken entry found (so far: `pending` entries are not verified yet). */
  ok: boolean;
  /** The last entry found intact: "verified up to seq N", recorded at `recordedAt`. */
  verified?: ChainPoint & { recordedAt: string };
  /** When the check that reached `verified` ran. */
  verifiedAt?: string;
  /** The chain's head (last committed seq) when checked; 0 for a chain without entries. */
  headSeq: number;
  /** Entries verified by this check. */
  checkedNow: number;
  /** Entries after `verified` up to the head not verified yet (over the per-check bound). */
  pending: number;
  /** The first broken entry (its seq, why, details). */
  firstBroken?: ChainBreak;
}

/** The status of every chain. */
export interface ChainStatus {
  ok: boolean;
  checkedAt: string;
  chains: ChainState[];
}

/** Verifies every chain incrementally; see the file comment. Never throws for a broken chain. */
export async function checkChainStatus(
  db: Database,
  options: CheckChainStatusOptions = {},
): Promise<ChainStatus> {
  const now = options.now ?? (() => new Date());
  const budget = options.maxEntriesPerChain ?? 100_000;
  if (!(budget >= 1)) throw new RangeError('maxEntriesPerChain must be at least 1');
  if (options.restart ?? false) await auditStore.clearCheckpoints(db);
  const checkpoints = new Map(
    (await auditStore.readCheckpoints(db)).map((checkpoint) => [checkpoint.writer, checkpoint]),
  );
  const checkedAt = toRecordedAt(now());
  const chains: ChainState[] = [];
  for (const writer of await auditStore.listWriters(db)) {
    const checkpoint = checkpoints.get(writer);
    const head = await auditStore.readHead(db, writer);
    const headSeq = head?.seq ?? (await auditStore.readLastEntry(db, writer))?.seq ?? 0;
    const anchorSeq = (await auditStore.readAnchor(db, writer))?.seq ?? 0;
    const from = Math.max(checkpoint?.seq ?? 0, anchorSeq);
    // Over the bound: verify a prefix now (no head checks yet), the rest next time.
    const untilSeq = headSeq - from > budget ? from + budget : undefined;
    const report = await verifyChain(db, writer, {
      resumeFrom: checkpoint,
      ...(untilSeq !== undefined && { untilSeq }),
    });
    const verified = report.lastVerified;
    const advanced = verified !== undefined && verified.seq > (checkpoint?.seq ?? 0);
    if (advanced) await auditStore.saveCheckpoint(db, writer, verified, checkedAt);
    chains.push({
      writer,
      ok: report.firstBroken === undefined,
      ...(verified && { verified }),
      ...(verified && { verifiedAt: advanced ? checkedAt : checkpoint?.verifiedAt }),
      headSeq,
      checkedNow: report.entries,
      pending: Math.max(0, headSeq - (verified?.seq ?? anchorSeq)),
      ...(report.firstBroken && { firstBroken: report.firstBroken }),
    });
  }
  return { ok: chains.every((chain) => chain.ok), checkedAt, chains };
}
