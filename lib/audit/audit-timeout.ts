/**
 * How long one audit append may wait for the store (queueing and commit together) before the
 * request it records fails closed, in ms: `AUDIT_TIMEOUT_MS`, default 5000. The same bound serves
 * the server-side `statement_timeout` of the audit store's connections (plus a second).
 */
export function auditTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AUDIT_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return 5000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 60_000) {
    throw new Error(
      `AUDIT_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000, got "${raw}"`,
    );
  }
  return value;
}
