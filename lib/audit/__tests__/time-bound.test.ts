import { timeBound } from '../time-bound';

describe('timeBound', () => {
  it('reads a date as a whole UTC day', () => {
    expect(timeBound('2025-01-31', 'from')).toBe('2025-01-31T00:00:00.000Z');
    expect(timeBound('2025-01-31', 'to')).toBe('2025-02-01T00:00:00.000Z');
  });

  it('reads an instant with a time zone as it is', () => {
    expect(timeBound('2025-01-31T08:00:00+08:00', 'to')).toBe('2025-01-31T00:00:00.000Z');
    expect(timeBound('2025-01-31T00:00Z', 'from')).toBe('2025-01-31T00:00:00.000Z');
  });

  it.each([['2025-02-30'], ['2025-01-31T08:00:00'], ['yesterday'], ['']])('refuses %p', (value) => {
    expect(() => timeBound(value, 'from')).toThrow(/^from /);
  });
});
