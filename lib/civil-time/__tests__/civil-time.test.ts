import { adultFrom, ageOn, birthday, chinaDayStart, chinaToday, isAdultOn } from '../index';

describe('chinaToday', () => {
  it('is the calendar day in China Standard Time, whatever the machine zone', () => {
    expect(chinaToday(new Date('2024-02-29T15:59:59Z'))).toBe('2024-02-29');
    expect(chinaToday(new Date('2024-02-29T16:00:00Z'))).toBe('2024-03-01');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('chinaDayStart', () => {
  it('is midnight at UTC+8', () => {
    expect(chinaDayStart('2025-01-01').toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('refuses what is not a real date', () => {
    expect(() => chinaDayStart('2025-02-30')).toThrow('not an ISO date: 2025-02-30');
    expect(() => chinaDayStart('20250101')).toThrow('not an ISO date');
  });
});

describe('birthday', () => {
  it('is the same month and day, 28 February for a 29 February birth in a common year', () => {
    expect(birthday('1990-07-01', 35)).toBe('2025-07-01');
    expect(birthday('2004-02-29', 20)).toBe('2024-02-29');
    expect(birthday('2004-02-29', 18)).toBe('2022-02-28');
    expect(birthday('2004-02-30', 18)).toBeNull();
  });
});

describe('ageOn (周岁 from the day after the birthday)', () => {
  it('completes a year the day after the birthday', () => {
    expect(ageOn('1990-07-01', '2025-06-30')).toBe(34);
    expect(ageOn('1990-07-01', '2025-07-01')).toBe(34);
    expect(ageOn('1990-07-01', '2025-07-02')).toBe(35);
  });

  it('counts a 29 February birth from 1 March in common years and leap years alike', () => {
    expect(ageOn('2004-02-29', '2023-02-28')).toBe(18);
    expect(ageOn('2004-02-29', '2023-03-01')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(19);
    expect(ageOn('2004-02-29', '2024-03-01')).toBe(20);
  });

  it('is null for an unreal birth date', () => {
    expect(ageOn('1990-02-30', '2025-01-01')).toBeNull();
  });
});

describe('adultFrom and isAdultOn (十八周岁, one rule for every subgraph)', () => {
  it('makes a person an adult the day after the 18th birthday', () => {
    expect(adultFrom('2007-06-15')).toBe('2025-06-16');
    expect(isAdultOn('2007-06-15', '2025-06-15')).toBe(false);
    expect(isAdultOn('2007-06-15', '2025-06-16')).toBe(true);
    expect(adultFrom('2005-12-31')).toBe('2024-01-01');
  });

  it('makes a 29 February child an adult on 1 March of the year they turn 18', () => {
    expect(adultFrom('2008-02-29')).toBe('2026-03-01');
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-03-01')).toBe(true);
    expect(adultFrom('2000-02-29')).toBe('2018-03-01');
  });

  it('keeps birthdays next to 29 February on their own day', () => {
    expect(adultFrom('2006-02-28')).toBe('2024-02-29');
    expect(adultFrom('2006-03-01')).toBe('2024-03-02');
  });

  it('never makes an unreal birth date adult', () => {
    expect(adultFrom('2007-02-30')).toBeNull();
    expect(adultFrom('20070615')).toBeNull();
    expect(isAdultOn('2007-02-30', '2030-01-01')).toBe(false);
  });
});
