import { createBoundedLabel } from '../bounded-label';

describe('createBoundedLabel', () => {
  it('keeps known values always and admits at most `max` others, then says other', () => {
    const label = createBoundedLabel({ known: ['Trusted'], max: 2, pattern: /^[A-Za-z]+$/ });
    expect(['A', 'B', 'C', 'A', 'Trusted', 'D'].map(label)).toEqual([
      'A',
      'B',
      'other',
      'A',
      'Trusted',
      'other',
    ]);
  });

  it('refuses values that do not fit the pattern and names missing ones', () => {
    const label = createBoundedLabel({ max: 10, pattern: /^[a-z]{1,5}$/, missing: 'anonymous' });
    expect([label('toolong'), label('a b'), label(null), label(''), label('ok')]).toEqual([
      'other',
      'other',
      'anonymous',
      'anonymous',
      'ok',
    ]);
  });
});
