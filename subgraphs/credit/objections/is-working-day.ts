import type { WorkingCalendar } from './types';

/**
 * Whether `isoDate` is a working day: a make-up working day (调休上班) always is; otherwise a day
 * that is neither a weekend day nor a public holiday. Throws for a year the calendar does not
 * cover: a due date is never guessed.
 */
export function isWorkingDay(calendar: WorkingCalendar, isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  if (!calendar.years.has(year)) {
    throw new Error(
      `working-day calendar ${calendar.version} has no holidays for ${year} ` +
        '(add the year to policy/calendar.yaml)',
    );
  }
  if (calendar.makeUpWorkingDays.has(isoDate)) return true;
  if (calendar.holidays.has(isoDate)) return false;
  return !calendar.weekend.has(new Date(`${isoDate}T00:00:00Z`).getUTCDay());
}
