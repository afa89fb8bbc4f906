import { displayUntil } from '../display-until';

const general = { displayMonths: 12, endsWhenPerformed: false };
const dishonest = { displayMonths: 24, endsWhenPerformed: true };

describe('displayUntil', () => {
  it('is the decision date plus the display months', () => {
    expect(
      displayUntil({ decidedAt: '2024-05-10', status: 'ACTIVE', statusChangedAt: null }, general),
    ).toBe('2025-05-10');
  });

  it('clamps at the end of the month', () => {
    expect(
      displayUntil(
        { decidedAt: '2024-01-31', status: 'ACTIVE', statusChangedAt: null },
        { displayMonths: 1, endsWhenPerformed: false },
      ),
    ).toBe('2024-02-29');
  });

  it('ends a performed court listing on the day it was performed', () => {
    expect(
      displayUntil(
        { decidedAt: '2024-01-10', status: 'PERFORMED', statusChangedAt: '2024-06-03' },
        dishonest,
      ),
    ).toBe('2024-06-03');
  });

  it('keeps the full period for a performed record of an item that does not end on performance', () => {
    expect(
      displayUntil(
        { decidedAt: '2024-01-10', status: 'PERFORMED', statusChangedAt: '2024-06-03' },
        general,
      ),
    ).toBe('2025-01-10');
  });

  it('keeps the period end when performance came after it', () => {
    expect(
      displayUntil(
        { decidedAt: '2022-01-10', status: 'PERFORMED', statusChangedAt: '2024-06-03' },
        dishonest,
      ),
    ).toBe('2024-01-10');
  });

  it('never displays a revoked record', () => {
    expect(
      displayUntil(
        { decidedAt: '2024-01-10', status: 'REVOKED', statusChangedAt: '2024-02-01' },
        dishonest,
      ),
    ).toBeNull();
  });
});
