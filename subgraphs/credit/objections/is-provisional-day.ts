import type { WorkingCalendar } from './types';

/**
 * Whether the working-day status of `isoDate` is only provisional: its year is not in the
 * calendar (weekends and fixed-date holidays assumed) or is listed as provisional. The State
 * Council's yearly notice may still move holidays and make-up days in such a year.
 */
export function isProvisionalDay(calendar: WorkingCalendar, isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return !calendar.years.has(year) || calendar.provisionalYears.has(year);
}
