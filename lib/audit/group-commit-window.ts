/**
 * Extra wait of the first record on an idle audit writer before its batch commits, in ms:
 * `AUDIT_GROUP_COMMIT_MS`, default 0. With 0 the writer commits at once and batches whatever
 * arrives while a commit is in flight (leader/follower, lib/audit/audit-writer.ts), which batches a
 * busy system as well as a fixed window did without making every quiet request wait.
 */
export function groupCommitWindowMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_GROUP_COMMIT_MS;
  if (raw === undefined || raw.trim() === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1000) {
    throw new Error(
      `AUDIT_GROUP_COMMIT_MS must be a number of milliseconds from 0 to 1000, got "${raw}"`,
    );
  }
  return value;
}
