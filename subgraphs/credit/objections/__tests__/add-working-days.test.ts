import { addWorkingDays } from '../add-working-days';
import { calendarEndWarning } from '../calendar-end-warning';
import { isWorkingDay } from '../is-working-day';
import { loadCalendar } from '../load-calendar';
import { parseCalendar } from '../parse-calendar';

// The repository's calendar: the 2026 dates are those of the State Council's notice.
const calendar = loadCalendar();

const confirmed = (date: string) => ({ date, provisional: false });
const provisional = (date: string) => ({ date, provisional: true });

describe('addWorkingDays (policy/calendar.yaml)', () => {
  it('skips a weekend: 1 working day after a Friday is the Monday', () => {
    expect(addWorkingDays(calendar, '2026-11-27', 1)).toEqual(confirmed('2026-11-30'));
    expect(addWorkingDays(calendar, '2026-11-28', 1)).toEqual(confirmed('2026-11-30'));
    expect(addWorkingDays(calendar, '2026-11-30', 5)).toEqual(confirmed('2026-12-07'));
  });

  it('skips a public holiday: National Day 2026-10-01..07 is not counted', () => {
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toEqual(confirmed('2026-10-08'));
    expect(addWorkingDays(calendar, '2026-09-30', 2)).toEqual(confirmed('2026-10-09'));
  });

  it('counts a make-up Saturday (调休上班) as a working day', () => {
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(addWorkingDays(calendar, '2026-09-30', 3)).toEqual(confirmed('2026-10-10'));
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toEqual(confirmed('2026-02-14'));
  });

  it('gives 15 working days over the Spring Festival with both make-up Saturdays', () => {
    // 02-11..13, 02-14 (Sat, worked), holiday 02-15..23, 02-24..27, 02-28 (Sat, worked), 03-02..06, 03-09.
    expect(calendar.objectionDueWorkingDays).toBe(15);
    expect(addWorkingDays(calendar, '2026-02-10', 15)).toEqual(confirmed('2026-03-09'));
  });

  it('does not count the starting day and returns it for zero days', () => {
    expect(addWorkingDays(calendar, '2026-11-30', 0)).toEqual(confirmed('2026-11-30'));
  });

  it('marks a count that reaches into a provisional year (2027) provisional', () => {
    // 2026-12-31 (Thu) + 1: 2027-01-01 is 元旦 (listed for 2027, provisionally), so Monday 01-04.
    expect(addWorkingDays(calendar, '2026-12-30', 1)).toEqual(confirmed('2026-12-31'));
    expect(addWorkingDays(calendar, '2026-12-31', 1)).toEqual(provisional('2027-01-04'));
  });

  it('falls back past the last year: weekends and fixed-date holidays, never throwing', () => {
    // 2028 is not in the calendar: 2028-01-01 (Sat) and 01-02 (Sun), Monday 01-03 is a working day.
    expect(addWorkingDays(calendar, '2027-12-31', 1)).toEqual(provisional('2028-01-03'));
    // National Day 2028-10-01..03 (Sun..Tue) assumed: Friday 09-29 + 1 = Wednesday 10-04.
    expect(isWorkingDay(calendar, '2028-10-02')).toBe(false);
    expect(isWorkingDay(calendar, '2028-10-03')).toBe(false);
    expect(addWorkingDays(calendar, '2028-09-29', 1)).toEqual(provisional('2028-10-04'));
    // 15 working days from 2028-06-01 (Thu): 06-02, 06-05..09, 06-12..16, 06-19..22.
    expect(addWorkingDays(calendar, '2028-06-01', 15)).toEqual(provisional('2028-06-22'));
    // Long before the calendar too (seeding as of 2019): Labour Day 2019-05-01/02 assumed.
    expect(addWorkingDays(calendar, '2019-04-30', 1)).toEqual(provisional('2019-05-03'));
  });
});

describe('parseCalendar fallback holidays', () => {
  const text = (fallback: string) =>
    `version: t\nobjectionDueWorkingDays: 15\ndisclosureDueWorkingDays: 7\nweekend: [SATURDAY, SUNDAY]\n` +
    `fallbackHolidays: ${fallback}\nyears:\n  2026:\n    holidays: []\n    makeUpWorkingDays: []\n`;

  it('reads month-days and refuses a day that is not in every year', () => {
    expect([...parseCalendar(text("['01-01', '10-01']")).fallbackHolidays]).toEqual([
      '01-01',
      '10-01',
    ]);
    expect(() => parseCalendar(text("['02-29', '13-01', 5]"), 'cal.yaml')).toThrow(
      'Invalid cal.yaml (3 problems):\n' +
        '  - fallbackHolidays[0]: not a month and day MM-DD of every year: "02-29"\n' +
        '  - fallbackHolidays[1]: not a month and day MM-DD of every year: "13-01"\n' +
        '  - fallbackHolidays[2]: not a month and day MM-DD of every year: 5',
    );
  });
});

describe('calendarEndWarning (npm start)', () => {
  it('is silent while the confirmed years run longer than 90 days', () => {
    expect(calendarEndWarning(calendar, '2026-10-01')).toBeNull();
  });

  it('warns within 90 days of the end of the last confirmed year (2027 is provisional)', () => {
    expect(calendarEndWarning(calendar, '2026-10-02')).toContain('in 90 days');
    expect(calendarEndWarning(calendar, '2026-10-03')).toBe(
      `working-day calendar ${calendar.version} (policy/calendar.yaml): confirmed holidays end on ` +
        '2026-12-31, in 89 days; objection due dates after it are provisional (weekends and ' +
        'fixed-date statutory holidays only, marked dueOnProvisional): add 2027 from the State ' +
        "Council's holiday notice",
    );
  });

  it('warns that the calendar has ended, on any later date', () => {
    expect(calendarEndWarning(calendar, '2028-06-01')).toContain(
      'confirmed holidays ended on 2026-12-31',
    );
  });
});
