/**
 * Time bounds of audit searches and exports. A date `yyyy-mm-dd` is a whole UTC day: as `from`
 * its start, as `to` the start of the next day (so the day is included). Anything else must be an
 * ISO 8601 instant with a time zone (`2025-01-01T00:00:00+08:00` for a Beijing-time day).
 *
 * API:
 *   timeBound('2025-01-31', 'to')   // '2025-02-01T00:00:00.000Z' (exclusive upper bound)
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The ISO instant a `from` (inclusive) or `to` (exclusive) bound stands for; throws if invalid. */
export function timeBound(value: string, side: 'from' | 'to'): string {
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const start = new Date(Date.UTC(year, month - 1, day));
    if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) {
      throw new RangeError(`${side} ${value} is not a real date`);
    }
    if (side === 'to') start.setUTCDate(start.getUTCDate() + 1);
    return start.toISOString();
  }
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new RangeError(
      `${side} must be a date yyyy-mm-dd or an ISO instant with a time zone, got "${value}"`,
    );
  }
  return new Date(value).toISOString();
}
