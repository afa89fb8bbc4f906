import { parseCalendar } from '../parse-calendar';

describe('parseCalendar', () => {
  it('reads weekends, holidays and make-up days', () => {
    const calendar = parseCalendar(`
version: '1'
objectionDueWorkingDays: 15
disclosureDueWorkingDays: 7
weekend: [SATURDAY, SUNDAY]
fallbackHolidays: ['01-01']
years:
  2026:
    holidays: [2026-10-01]
    makeUpWorkingDays: [2026-10-10]
  2027:
    provisional: true
    holidays: [2027-01-01]
    makeUpWorkingDays: []
`);
    expect({
      ...calendar,
      weekend: [...calendar.weekend],
      years: [...calendar.years],
      provisionalYears: [...calendar.provisionalYears],
      fallbackHolidays: [...calendar.fallbackHolidays],
      holidays: [...calendar.holidays],
      makeUpWorkingDays: [...calendar.makeUpWorkingDays],
    }).toEqual({
      version: '1',
      objectionDueWorkingDays: 15,
      disclosureDueWorkingDays: 7,
      weekend: [6, 0],
      years: [2026, 2027],
      provisionalYears: [2027],
      fallbackHolidays: ['01-01'],
      holidays: ['2026-10-01', '2027-01-01'],
      makeUpWorkingDays: ['2026-10-10'],
    });
  });

  it('reports every problem at once', () => {
    expect(() =>
      parseCalendar(`
version: '1'
objectionDueWorkingDays: 0
disclosureDueWorkingDays: 7
weekend: [SATURDAY, FUNDAY]
fallbackHolidays: ['10-01']
years:
  2026:
    holidays: [2026-02-30, 2027-01-01, 2026-10-03]
    makeUpWorkingDays: [2026-10-03, 2026-10-12]
`),
    ).toThrow(
      [
        'Invalid policy/calendar.yaml (6 problems):',
        '  - (root).objectionDueWorkingDays: must be at least 1, got 0',
        '  - weekend[1]: unknown day "FUNDAY" (expected one of SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY)',
        '  - years.2026.holidays[0]: not an ISO date yyyy-mm-dd: "2026-02-30"',
        '  - years.2026.holidays[1]: 2027-01-01 is not in 2026',
        '  - years: 2026-10-03 is both a holiday and a make-up working day',
        '  - years: make-up working day 2026-10-12 is not a weekend day',
      ].join('\n'),
    );
  });
});
