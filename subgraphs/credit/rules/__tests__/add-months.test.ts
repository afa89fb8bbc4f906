import { addMonths } from '../add-months';

describe('addMonths', () => {
  it('adds calendar months keeping the day', () => {
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('handles leap days', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2023-02-28', 12)).toBe('2024-02-28');
  });

  it('refuses a value that is not an ISO date', () => {
    expect(() => addMonths('2024/01/31', 1)).toThrow('addMonths: not an ISO date: 2024/01/31');
  });
});
