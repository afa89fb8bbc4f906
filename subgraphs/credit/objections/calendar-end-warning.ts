import type { WorkingCalendar } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before the end of the confirmed calendar from which `npm start` warns; default 90. */
export const CALENDAR_WARNING_DAYS = 90;

/**
 * The warning an operator needs when the calendar's confirmed holidays (years not marked
 * provisional) end within `withinDays` of `today` (ISO date, China Standard Time) or have already
 * ended; null otherwise. Due dates keep working past the end (addWorkingDays falls back), but
 * they are provisional until the next year's notice is added.
 */
export function calendarEndWarning(
  calendar: WorkingCalendar,
  today: string,
  withinDays: number = CALENDAR_WARNING_DAYS,
): string | null {
  const confirmed = [...calendar.years].filter((year) => !calendar.provisionalYears.has(year));
  const lastYear = confirmed.length > 0 ? Math.max(...confirmed) : null;
  const prefix = `working-day calendar ${calendar.version} (policy/calendar.yaml)`;
  const fallback =
    'objection due dates after it are provisional (weekends and fixed-date statutory holidays ' +
    'only, marked dueOnProvisional)';
  if (lastYear === null) {
    return `${prefix} has no confirmed year: every ${fallback.replace(' after it', '')}`;
  }
  const end = `${lastYear}-12-31`;
  const nextYear = lastYear + 1;
  const daysLeft = Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
  if (daysLeft < 0) {
    return (
      `${prefix}: confirmed holidays ended on ${end}; ${fallback}: add ${nextYear} and later ` +
      "years from the State Council's holiday notices"
    );
  }
  if (daysLeft > withinDays) return null;
  return (
    `${prefix}: confirmed holidays end on ${end}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}; ` +
    `${fallback}: add ${nextYear} from the State Council's holiday notice`
  );
}
