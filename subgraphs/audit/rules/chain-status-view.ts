/**
 * The AuditChainStatus GraphQL object of a chain-status check (lib/audit/check-chain-status.ts):
 * seqs as decimal strings (64-bit in the store), times as UTC ISO instants.
 */
import type { ChainStatus } from '../../../lib/audit/check-chain-status';

/** The AuditChainStatus GraphQL object. */
export interface ChainStatusView {
  ok: boolean;
  checkedAt: string;
  chains: {
    writer: string;
    ok: boolean;
    verifiedSeq: string | null;
    verifiedHash: string | null;
    verifiedRecordedAt: string | null;
    verifiedAt: string | null;
    headSeq: string;
    checkedNow: number;
    pending: string;
    firstBroken: { seq: string; reason: string; detail: string } | null;
  }[];
}

/** The view of a check's result. */
export function toChainStatusView(status: ChainStatus): ChainStatusView {
  return {
    ok: status.ok,
    checkedAt: status.checkedAt,
    chains: status.chains.map((chain) => ({
      writer: chain.writer,
      ok: chain.ok,
      verifiedSeq: chain.verified ? String(chain.verified.seq) : null,
      verifiedHash: chain.verified?.hash ?? null,
      verifiedRecordedAt: chain.verified?.recordedAt ?? null,
      verifiedAt: chain.verifiedAt ?? null,
      headSeq: String(chain.headSeq),
      checkedNow: chain.checkedNow,
      pending: String(chain.pending),
      firstBroken: chain.firstBroken
        ? {
            seq: String(chain.firstBroken.seq),
            reason: chain.firstBroken.reason,
            detail: chain.firstBroken.detail,
          }
        : null,
    })),
  };
}
