import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { adultFrom, birthDateOfId, publishableAbout } from '../adult-from';

describe('adultFrom', () => {
  it('is the 18th birthday', () => {
    expect(adultFrom('2007-06-15')).toBe('2025-06-15');
  });

  it('is 1 March for someone born on 29 February when the 18th year is common', () => {
    expect(adultFrom('2008-02-29')).toBe('2026-03-01');
    expect(adultFrom('2006-02-28')).toBe('2024-02-28');
  });

  it('is null for what is not a date', () => {
    expect(adultFrom('2007-02-30')).toBeNull();
    expect(adultFrom('20070615')).toBeNull();
  });
});

describe('publishableAbout (decisions about minors are never published)', () => {
  const id = makeCitizenId('511921', '2007-06-15', 123);

  it('reads the birth date from the citizen id', () => {
    expect(birthDateOfId(id)).toBe('2007-06-15');
  });

  it('refuses a decision of the day before the 18th birthday and allows one of that day', () => {
    expect(publishableAbout(id, '2025-06-14')).toBe(false);
    expect(publishableAbout(id, '2025-06-15')).toBe(true);
    expect(publishableAbout(id, '2025-06-16')).toBe(true);
  });

  it('refuses an id without a valid birth date', () => {
    expect(publishableAbout('511921200702301234', '2030-01-01')).toBe(false);
  });
});
