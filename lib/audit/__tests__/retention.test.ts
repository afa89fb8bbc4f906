import { readRetentionMonths, retentionCutoff } from '../retention';

describe('retention', () => {
  it('defaults to 36 months and reads AUDIT_RETENTION_MONTHS', () => {
    expect(readRetentionMonths({})).toBe(36);
    expect(readRetentionMonths({ AUDIT_RETENTION_MONTHS: '12' })).toBe(12);
    expect(readRetentionMonths({ AUDIT_RETENTION_MONTHS: '6' })).toBe(6);
  });

  it('refuses less than 6 months and non-numbers', () => {
    expect(() => readRetentionMonths({ AUDIT_RETENTION_MONTHS: '5' })).toThrow(
      'audit retention of 5 months refused: the minimum is 6 months',
    );
    expect(() => readRetentionMonths({ AUDIT_RETENTION_MONTHS: '1y' })).toThrow(
      'AUDIT_RETENTION_MONTHS must be a whole number of months, got "1y"',
    );
    expect(() => retentionCutoff(new Date(), 3)).toThrow(
      'audit retention of 3 months refused: the minimum is 6 months',
    );
  });

  it('subtracts calendar months in UTC, clamping the day', () => {
    expect(retentionCutoff(new Date('2025-06-30T10:00:00Z'), 36).toISOString()).toBe(
      '2022-06-30T10:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2024-08-31T00:00:00Z'), 6).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2025-03-15T00:00:00Z'), 15).toISOString()).toBe(
      '2023-12-15T00:00:00.000Z',
    );
  });
});
