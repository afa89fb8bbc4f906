/** The county's time zone: display periods run in calendar days of China Standard Time. */
const TIME_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The ISO date (yyyy-mm-dd) of an instant in China Standard Time. */
export function localDate(instant: Date): string {
  return FORMAT.format(instant);
}
