/**
 * `npm run audit:verify` (scripts/audit-verify.ts) in library form: verifies every chain of the
 * audit store, one after the other, streaming each in pages (verify-chain.ts).
 *
 * API:
 *   const result = await verifyChains(db, { onProgress: (p) => console.error(p), knownDigests });
 *   // { ok: boolean, writers: [{ writer, entries, head, anchor, digestsChecked, firstBroken? }] }
 */
import type { Database } from '../db/database';
import { auditStore } from './audit-store';
import { verifyChain } from './verify-chain';
import type { ChainReport, KnownDigest, VerifyProgress } from './verify-chain';

/** Options of {@link verifyChains}. */
export interface VerifyChainsOptions {
  /** Called after each page of each chain; default none. */
  onProgress?: (progress: VerifyProgress) => void;
  /** Digests kept off the system (an earlier verify's output); default none. */
  knownDigests?: readonly KnownDigest[];
  /** Entries per page; default 5,000. */
  pageSize?: number;
}

/** The outcome for the whole store. */
export interface VerifyChainsResult {
  /** True when no chain is broken. */
  ok: boolean;
  /** One report per chain, in writer name order. */
  writers: ChainReport[];
}

/**
 * Verifies every chain: each writer with entries, a head or an anchor, and each writer named by a
 * kept digest (a chain that vanished entirely is reported broken at seq 1).
 */
export async function verifyChains(
  db: Database,
  options: VerifyChainsOptions = {},
): Promise<VerifyChainsResult> {
  const names = new Set(await auditStore.listWriters(db));
  for (const digest of options.knownDigests ?? []) names.add(digest.writer);
  const writers: ChainReport[] = [];
  for (const writer of [...names].sort()) {
    writers.push(
      await verifyChain(db, writer, {
        onProgress: options.onProgress,
        knownDigests: options.knownDigests,
        pageSize: options.pageSize,
      }),
    );
  }
  return { ok: writers.every((report) => report.firstBroken === undefined), writers };
}
