import { repairPossibleFrom } from '../repair-possible-from';

const GENERAL = { category: 'GENERAL_BAD' as const, minDisplayMonths: 3 };

describe('repairPossibleFrom', () => {
  it('is the day after the minimum display period', () => {
    expect(repairPossibleFrom({ decidedAt: '2026-03-15' }, GENERAL)).toBe('2026-06-16');
  });

  it('separates the last day of the minimum period from the first day after it', () => {
    const from = repairPossibleFrom({ decidedAt: '2026-01-31' }, GENERAL);
    expect(from).toBe('2026-05-01');
    // 2026-04-30 is the last day of the 3 months (end-of-month clamped): still too early.
    expect('2026-04-30' < (from ?? '')).toBe(true);
    expect('2026-05-01' < (from ?? '')).toBe(false);
  });

  it('counts serious records by their own minimum', () => {
    expect(
      repairPossibleFrom(
        { decidedAt: '2025-06-30' },
        { category: 'SERIOUS_BAD', minDisplayMonths: 12 },
      ),
    ).toBe('2026-07-01');
  });

  it('is null for categories that are never repaired', () => {
    expect(
      repairPossibleFrom(
        { decidedAt: '2026-01-01' },
        { category: 'MINOR_BAD', minDisplayMonths: 0 },
      ),
    ).toBeNull();
    expect(
      repairPossibleFrom({ decidedAt: '2026-01-01' }, { category: 'GOOD', minDisplayMonths: 0 }),
    ).toBeNull();
  });
});
