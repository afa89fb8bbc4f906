import { consentExpiryArg } from '../consent-expiry';

const NOW = new Date('2025-06-30T04:00:00.000Z');

function outcome(value: unknown): string {
  try {
    return consentExpiryArg('expiresAt', value, NOW).toISOString();
  } catch (error) {
    const { extensions, message } = error as {
      extensions: Record<string, unknown>;
      message: string;
    };
    return `${String(extensions.code)} ${String(extensions.argument)}: ${message}`;
  }
}

describe('consentExpiryArg', () => {
  it('reads a date as the end of that day in China Standard Time, and a timestamp as it is', () => {
    expect([
      outcome('2025-07-31'),
      outcome('2025-06-30'),
      outcome('2025-06-30T12:00:01+08:00'),
      outcome('2026-06-30T00:00:00Z'),
      outcome(' 2025-12-01T08:30Z '),
    ]).toEqual([
      '2025-07-31T16:00:00.000Z',
      '2025-06-30T16:00:00.000Z',
      '2025-06-30T04:00:01.000Z',
      '2026-06-30T00:00:00.000Z',
      '2025-12-01T08:30:00.000Z',
    ]);
  });

  it('accepts at most 366 days ahead', () => {
    expect([outcome('2026-07-01T04:00:00Z'), outcome('2026-07-01T04:00:00.001Z')]).toEqual([
      '2026-07-01T04:00:00.000Z',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: a consent runs at most 366 days, until 2026-07-01T04:00:00.000Z',
    ]);
  });

  it('refuses the past, the present, unreal dates, timestamps without a zone and non-strings', () => {
    expect([
      outcome('2025-06-29'),
      outcome('2025-06-30T04:00:00Z'),
      outcome('2025-02-30'),
      outcome('2025-07-01T00:00:00'),
      outcome('next week'),
      outcome(20250701),
    ]).toEqual([
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be in the future (now is 2025-06-30T04:00:00.000Z)',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be in the future (now is 2025-06-30T04:00:00.000Z)',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be an ISO date yyyy-mm-dd or an ISO timestamp with a time zone',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be an ISO date yyyy-mm-dd or an ISO timestamp with a time zone',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be an ISO date yyyy-mm-dd or an ISO timestamp with a time zone',
      'BAD_USER_INPUT expiresAt: Invalid argument expiresAt: must be an ISO date yyyy-mm-dd or an ISO timestamp with a time zone',
    ]);
  });
});
