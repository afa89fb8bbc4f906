import { dayNumber, fromDayNumber, isIsoDate, yearsBefore } from '../calendar';

describe('isIsoDate', () => {
  it.each(['2025-06-30', '2000-02-29', '2024-02-29', '1970-01-01', '0050-01-01'])(
    'accepts the real date %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    '2025-02-30',
    '1900-02-29',
    '2023-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '20250630',
    '2025-6-30',
    ' 2025-06-30',
    '2025-06-30T00:00:00Z',
    '',
  ])('rejects %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('dayNumber and fromDayNumber', () => {
  it('count days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(fromDayNumber(dayNumber('1940-01-01'))).toBe('1940-01-01');
    expect(fromDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('yearsBefore', () => {
  it('keeps month and day', () => {
    expect(yearsBefore('2025-06-30', 16)).toBe('2009-06-30');
  });

  it('turns 29 February into 28 February in a common year, and keeps it in a leap year', () => {
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
    expect(yearsBefore('2024-02-29', 124)).toBe('1900-02-28');
  });
});
