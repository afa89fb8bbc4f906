import { badUserInput } from '../../kit/errors';

/** Longest a consent may run: a year (366 days, so a date a year ahead passes in leap years). */
export const MAX_CONSENT_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a date or timestamp denotes, or undefined when it is not a real one. */
function parseExpiry(value: string): Date | undefined {
  const date = DATE.exec(value);
  if (date) {
    // A consent "until 2026-06-30" runs to the end of that day in China Standard Time.
    const start = Date.parse(`${value}T00:00:00+08:00`);
    const roundTrip = new Date(start + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
    return Number.isNaN(start) || roundTrip !== value ? undefined : new Date(start + DAY_MS);
  }
  if (!TIMESTAMP.test(value)) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : new Date(instant);
}

/**
 * Validates the `expiresAt` argument of a consent: an ISO date `yyyy-mm-dd` (the consent runs to
 * the end of that day, China Standard Time) or an ISO timestamp with a zone, after `now` and at
 * most MAX_CONSENT_DAYS ahead. Throws BAD_USER_INPUT naming `argument`.
 */
export function consentExpiryArg(argument: string, value: unknown, now: Date): Date {
  const expiresAt = typeof value === 'string' ? parseExpiry(value.trim()) : undefined;
  if (expiresAt === undefined) {
    throw badUserInput(
      argument,
      'must be an ISO date yyyy-mm-dd or an ISO timestamp with a time zone',
    );
  }
  if (expiresAt.getTime() <= now.getTime()) {
    throw badUserInput(argument, `must be in the future (now is ${now.toISOString()})`);
  }
  const latest = new Date(now.getTime() + MAX_CONSENT_DAYS * DAY_MS);
  if (expiresAt.getTime() > latest.getTime()) {
    throw badUserInput(
      argument,
      `a consent runs at most ${MAX_CONSENT_DAYS} days, until ${latest.toISOString()}`,
    );
  }
  return expiresAt;
}
