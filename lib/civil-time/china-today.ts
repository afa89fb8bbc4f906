/** The county's time zone: every "today" of the system is a calendar day of China Standard Time. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The ISO date (yyyy-mm-dd) of the instant `now` in China Standard Time (UTC+8, no daylight
 * saving): the one definition of "today" for display periods, due dates, seeds and age checks,
 * whatever time zone the machine runs in. 2024-02-29T16:00Z is already 2024-03-01 here.
 */
export function chinaToday(now: Date = new Date()): string {
  return FORMAT.format(now);
}
