import { addDays } from '../../kit/seed/random';
import { isProvisionalDay } from './is-provisional-day';
import { isWorkingDay } from './is-working-day';
import type { WorkingCalendar } from './types';

/** A date counted in working days, and whether the count rests on provisional holidays. */
export interface WorkingDayCount {
  /** ISO date. */
  date: string;
  /**
   * True when a day counted (after the start, through `date`) lies in a year without confirmed
   * holidays: the date may move once the year's holiday notice is in policy/calendar.yaml.
   */
  provisional: boolean;
}

/**
 * The `count`-th working day after `isoDate` (the day itself does not count, as a period of days
 * starts on the next day): e.g. 1 working day after a Friday is the next Monday, unless that is a
 * holiday. Works on any date: past the calendar's years it falls back to weekends and fixed-date
 * statutory holidays and says so (`provisional`).
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  isoDate: string,
  count: number,
): WorkingDayCount {
  let day = isoDate;
  let provisional = false;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    provisional ||= isProvisionalDay(calendar, day);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return { date: day, provisional };
}
