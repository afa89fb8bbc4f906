import { makeCitizenId } from '../../../lib/ids/citizen-id';
import {
  adulthoodDate,
  ageOn,
  anniversary,
  isAdultOn,
  mayKeepIntegrityRecord,
} from '../integrity-age-rule';

describe('integrity file age rule (seed task 23)', () => {
  it('counts the 18th birthday itself as adult, and not the day before', () => {
    expect(adulthoodDate('2005-06-15')).toBe('2023-06-15');
    expect(isAdultOn('2005-06-15', '2023-06-15')).toBe(true);
    expect(isAdultOn('2005-06-15', '2023-06-14')).toBe(false);
    expect(isAdultOn('2005-12-31', '2023-12-31')).toBe(true);
    expect(isAdultOn('2005-12-31', '2023-12-30')).toBe(false);
    expect(isAdultOn('2005-01-01', '2022-12-31')).toBe(false);
  });

  it('makes a 29 February child an adult on 28 February of the common year they turn 18', () => {
    expect(adulthoodDate('2004-02-29')).toBe('2022-02-28');
    expect(isAdultOn('2004-02-29', '2022-02-27')).toBe(false);
    expect(isAdultOn('2004-02-29', '2022-02-28')).toBe(true);
    expect(isAdultOn('2004-02-29', '2022-03-01')).toBe(true);
    expect(adulthoodDate('2000-02-29')).toBe('2018-02-28');
  });

  it('keeps other birthdays on their own day when the 18th year is a leap year', () => {
    expect(isAdultOn('2006-02-28', '2024-02-27')).toBe(false);
    expect(isAdultOn('2006-02-28', '2024-02-28')).toBe(true);
    expect(isAdultOn('2006-03-01', '2024-02-29')).toBe(false);
    expect(isAdultOn('2006-03-01', '2024-03-01')).toBe(true);
  });

  it('computes anniversaries and completed years of age', () => {
    expect(anniversary('2004-02-29', 20)).toBe('2024-02-29');
    expect(anniversary('1990-07-01', 35)).toBe('2025-07-01');
    expect(ageOn('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
    expect(ageOn('1990-07-01', '2025-06-30')).toBe(34);
    expect(ageOn('1990-07-01', '2025-07-01')).toBe(35);
  });

  it('keeps a record only when the person, by the birth date in their id, was 18 at the decision', () => {
    const personId = makeCitizenId('511921', '20040229', 123);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2022-02-28' })).toBe(true);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2022-02-27' })).toBe(false);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2019-06-07' })).toBe(false);
  });
});
