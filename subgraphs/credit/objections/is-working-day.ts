import type { WorkingCalendar } from './types';

/**
 * Whether `isoDate` is a working day: a make-up working day (调休上班) always is; otherwise a day
 * that is neither a weekend day nor a public holiday. For a year the calendar does not list, the
 * public holidays are the fixed-date statutory ones of `fallbackHolidays` (provisional: see
 * isProvisionalDay), so the answer never depends on a notice that is not published yet and
 * nothing throws on any date.
 */
export function isWorkingDay(calendar: WorkingCalendar, isoDate: string): boolean {
  if (calendar.makeUpWorkingDays.has(isoDate)) return true;
  const listed = calendar.years.has(Number(isoDate.slice(0, 4)));
  const holiday = listed
    ? calendar.holidays.has(isoDate)
    : calendar.fallbackHolidays.has(isoDate.slice(5));
  if (holiday) return false;
  return !calendar.weekend.has(new Date(`${isoDate}T00:00:00Z`).getUTCDay());
}
