import { addDays } from '../../kit/seed/random';
import { isWorkingDay } from './is-working-day';
import type { WorkingCalendar } from './types';

/**
 * The `count`-th working day after `isoDate` (the day itself does not count, as a period of days
 * starts on the next day): e.g. 1 working day after a Friday is the next Monday, unless that is a
 * holiday.
 */
export function addWorkingDays(calendar: WorkingCalendar, isoDate: string, count: number): string {
  let day = isoDate;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}
