/**
 * How long the first record of a batch waits for others before the batch commits, in ms:
 * `AUDIT_GROUP_COMMIT_MS`, default 8. Measured with `npm run bench` (docs/BENCHMARKS.md): at 2 ms
 * the audit cost 20% of profile-query throughput, at 8 ms about 6%, for about 8 ms more latency.
 */
export function groupCommitWindowMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_GROUP_COMMIT_MS;
  if (raw === undefined || raw.trim() === '') return 8;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1000) {
    throw new Error(
      `AUDIT_GROUP_COMMIT_MS must be a number of milliseconds from 0 to 1000, got "${raw}"`,
    );
  }
  return value;
}
