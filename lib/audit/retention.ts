/**
 * Audit retention (DESIGN §5): configurable, default 3 years, never below 6 months.
 *
 * API:
 *   readRetentionMonths(process.env)        // AUDIT_RETENTION_MONTHS or 36; throws below 6
 *   retentionCutoff(new Date(), 36)         // entries recorded before this instant may go
 */

/** Default retention: 3 years. */
export const DEFAULT_RETENTION_MONTHS = 36;
/** No retention below 6 months is accepted. */
export const MIN_RETENTION_MONTHS = 6;

/** Throws unless `months` is a whole number of at least MIN_RETENTION_MONTHS. */
export function assertRetentionMonths(months: number): void {
  if (!Number.isInteger(months)) {
    throw new RangeError(`audit retention must be a whole number of months, got ${months}`);
  }
  if (months < MIN_RETENTION_MONTHS) {
    throw new RangeError(
      `audit retention of ${months} months refused: the minimum is ${MIN_RETENTION_MONTHS} months`,
    );
  }
}

/** `AUDIT_RETENTION_MONTHS` from the environment, default 36; throws when invalid or too short. */
export function readRetentionMonths(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.AUDIT_RETENTION_MONTHS;
  if (text === undefined || text.trim() === '') return DEFAULT_RETENTION_MONTHS;
  if (!/^\d+$/.test(text.trim())) {
    throw new RangeError(`AUDIT_RETENTION_MONTHS must be a whole number of months, got "${text}"`);
  }
  const months = Number(text.trim());
  assertRetentionMonths(months);
  return months;
}

/**
 * `now` minus `months` calendar months (UTC); the day is clamped to the target month's length
 * (31 August minus 6 months is 28 or 29 February, not 3 March).
 */
export function retentionCutoff(now: Date, months: number): Date {
  assertRetentionMonths(months);
  const totalMonths = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), daysInMonth));
  return cutoff;
}
