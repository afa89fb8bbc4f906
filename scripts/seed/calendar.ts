/**
 * Calendar arithmetic on ISO `yyyy-mm-dd` strings for the synthetic county (UTC, no time of day).
 * "Today" and ages are not defined here: lib/civil-time holds the one definition of each.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether `value` is a real calendar date written `yyyy-mm-dd`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(isoDate: string, years: number): string {
  const year = String(Number(isoDate.slice(0, 4)) - years).padStart(4, '0');
  const shifted = `${year}${isoDate.slice(4)}`;
  return isIsoDate(shifted) ? shifted : `${year}-02-28`;
}
