/**
 * Chain digests for the audit team to keep OFF this system (DESIGN §5). `npm run audit:verify`
 * prints one line per intact chain's head and prune anchor; a later run given that output
 * (`--known-digests <file>`) checks the chains still contain exactly those entries, which catches
 * what the in-database head row cannot: a superuser who deletes or rewrites the newest entries
 * and rewrites the head row to match.
 *
 * API:
 *   formatDigestLines(reports)  // ['head gateway seq=1234 sha256=<64 hex>', 'anchor gateway ...']
 *   parseKnownDigests(text)     // KnownDigest[]; every other line (npm's banner, summaries) ignored
 */
import type { ChainReport, KnownDigest } from './verify-chain';

const DIGEST_LINE = /^(head|anchor) (\S+) seq=(\d+) sha256=([0-9a-f]{64})$/;

/** Digest lines of the intact chains (a broken chain's head is not worth keeping). */
export function formatDigestLines(reports: readonly ChainReport[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.firstBroken) continue;
    if (report.head) {
      lines.push(`head ${report.writer} seq=${report.head.seq} sha256=${report.head.hash}`);
    }
    if (report.anchor) {
      lines.push(`anchor ${report.writer} seq=${report.anchor.seq} sha256=${report.anchor.hash}`);
    }
  }
  return lines;
}

/** The digests in a kept verify output; lines that are not digest lines are skipped. */
export function parseKnownDigests(text: string): KnownDigest[] {
  const digests: KnownDigest[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = DIGEST_LINE.exec(line.trim());
    if (match) digests.push({ writer: match[2], seq: Number(match[3]), hash: match[4] });
  }
  return digests;
}
