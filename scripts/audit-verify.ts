/**
 * `npm run audit:verify`: recomputes every audit hash chain (DESIGN §5).
 *
 *   npm run audit:verify                                   # all chains
 *   npm run audit:verify > digests-2025-06-30.txt          # keep the printed digests off-system
 *   npm run audit:verify -- --known-digests digests-2025-06-30.txt   # ...and check them later
 *
 * Options: --known-digests <file> (an earlier run's output), --data-dir <dir> (default DATA_DIR
 * or .data), --force (open the embedded store although postmaster.pid is there).
 * Opens the store as the system does: AUDIT_DATABASE_URL, else the embedded PGlite in
 * <data-dir>/pglite (which must not be open in a running system).
 *
 * Output: a progress line on stderr per 5,000 entries; on stdout one line per chain, the head and
 * anchor digests of the intact chains, and a summary. Exit 0 when every chain is intact, 1 naming
 * the writer, seq and reason of each chain's first broken entry, 2 when it could not run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDigestLines, parseKnownDigests } from '../lib/audit/known-digests';
import { openAuditDatabase } from '../lib/audit/open-audit-database';
import type { ChainReport } from '../lib/audit/verify-chain';
import { verifyChains } from '../lib/audit/verify-chains';

function describeChain(report: ChainReport): string {
  const from = report.anchor ? `from the prune anchor at seq ${report.anchor.seq}` : 'from genesis';
  if (report.firstBroken) {
    const { seq, reason, detail } = report.firstBroken;
    return `BROKEN ${report.writer}: first broken entry seq ${seq}: ${reason} (${detail}); ${report.entries} entries intact before it, ${from}`;
  }
  const last = report.head ? `, head seq ${report.head.seq}` : '';
  const digests =
    report.digestsChecked > 0 ? `, ${report.digestsChecked} kept digest(s) match` : '';
  return `ok     ${report.writer}: ${report.entries} entries${last}, ${from}${digests}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'known-digests': { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const knownFile = values['known-digests'];
  // `npm run` starts in the package folder; the user means a path from where they typed it.
  const knownPath = knownFile && resolve(process.env.INIT_CWD ?? process.cwd(), knownFile);
  const knownDigests = knownPath ? parseKnownDigests(readFileSync(knownPath, 'utf8')) : [];
  if (knownFile && knownDigests.length === 0) {
    console.error(
      `audit:verify: ${knownFile} holds no digest lines ("head <writer> seq=<n> sha256=<hex>")`,
    );
    return 2;
  }
  const began = Date.now();
  const { db, where } = await openAuditDatabase({
    dataDir: values['data-dir'],
    force: values.force,
  });
  try {
    console.error(`audit:verify: ${where}`);
    const result = await verifyChains(db, {
      knownDigests,
      onProgress: ({ writer, verified, total }) => {
        console.error(`verify ${writer}: ${verified}/${total} entries`);
      },
    });
    for (const report of result.writers) console.log(describeChain(report));
    const digests = formatDigestLines(result.writers);
    if (digests.length > 0) {
      console.log(
        'digests (keep a copy off this system; check later with --known-digests <file>):',
      );
      for (const line of digests) console.log(line);
    }
    const entries = result.writers.reduce((sum, report) => sum + report.entries, 0);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    const broken = result.writers.filter((report) => report.firstBroken);
    if (result.ok) {
      console.log(
        `audit:verify: ${result.writers.length} chain(s), ${entries} entries, all intact (${seconds} s)`,
      );
      return 0;
    }
    for (const report of broken) {
      const first = report.firstBroken;
      if (first) {
        console.error(
          `audit:verify: chain ${report.writer} is BROKEN at seq ${first.seq}: ${first.reason}`,
        );
      }
    }
    console.log(
      `audit:verify: ${broken.length} of ${result.writers.length} chain(s) BROKEN (${seconds} s)`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

// exitCode, not exit(): stdout (a file of digests, say) is flushed before the process ends.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
