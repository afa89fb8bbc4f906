import { addWorkingDays } from '../add-working-days';
import { isWorkingDay } from '../is-working-day';
import { loadCalendar } from '../load-calendar';

// The repository's calendar: the 2026 dates are those of the State Council's notice.
const calendar = loadCalendar();

describe('addWorkingDays (policy/calendar.yaml)', () => {
  it('skips a weekend: 1 working day after a Friday is the Monday', () => {
    expect(addWorkingDays(calendar, '2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays(calendar, '2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays(calendar, '2026-11-30', 5)).toBe('2026-12-07');
  });

  it('skips a public holiday: National Day 2026-10-01..07 is not counted', () => {
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-09-30', 2)).toBe('2026-10-09');
  });

  it('counts a make-up Saturday (调休上班) as a working day', () => {
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(addWorkingDays(calendar, '2026-09-30', 3)).toBe('2026-10-10');
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
  });

  it('gives 15 working days over the Spring Festival with both make-up Saturdays', () => {
    // 02-11..13, 02-14 (Sat, worked), holiday 02-15..23, 02-24..27, 02-28 (Sat, worked), 03-02..06, 03-09.
    expect(calendar.objectionDueWorkingDays).toBe(15);
    expect(addWorkingDays(calendar, '2026-02-10', 15)).toBe('2026-03-09');
  });

  it('does not count the starting day and returns it for zero days', () => {
    expect(addWorkingDays(calendar, '2026-11-30', 0)).toBe('2026-11-30');
  });

  it('refuses to guess a year the calendar does not cover', () => {
    expect(() => addWorkingDays(calendar, '2027-12-31', 1)).toThrow(
      `working-day calendar ${calendar.version} has no holidays for 2028 (add the year to policy/calendar.yaml)`,
    );
  });
});
