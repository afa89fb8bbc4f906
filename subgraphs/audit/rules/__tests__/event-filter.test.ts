import type { GraphQLError } from 'graphql';
import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { eventFilterArg } from '../event-filter';

const alice = makeCitizenId('511921', '19850312', 101);

function refusal(run: () => unknown): Record<string, unknown> | undefined {
  try {
    run();
  } catch (error) {
    return { ...(error as GraphQLError).extensions };
  }
  return undefined;
}

describe('eventFilterArg', () => {
  it('maps every field to the search filter', () => {
    expect(
      eventFilterArg({
        from: '2025-03-01',
        to: '2025-03-31T23:59:59+08:00',
        dept: 'TAX',
        user: 'officer-7',
        subjectId: `${alice.slice(0, 17)}${alice.slice(17).toLowerCase()}`,
        purpose: 'JUDICIAL',
        caseRef: 'XK-1',
        result: 'PARTIAL',
        writer: 'gateway',
        requestId: 'req-1',
        kind: 'RESOLVER',
      }),
    ).toEqual({
      filter: {
        from: '2025-03-01',
        to: '2025-03-31T23:59:59+08:00',
        dept: 'TAX',
        user: 'officer-7',
        subject: alice,
        purpose: 'JUDICIAL',
        caseRef: 'XK-1',
        result: 'partial',
        writer: 'gateway',
        requestId: 'req-1',
        kind: 'resolver',
      },
      needsHmacKey: true,
    });
  });

  it('needs the HMAC key only to match a person', () => {
    expect(eventFilterArg(null)).toEqual({ filter: {}, needsHmacKey: false });
    expect(eventFilterArg({ user: alice })).toEqual({
      filter: { user: alice },
      needsHmacKey: true,
    });
  });

  it('names the bad field', () => {
    expect(refusal(() => eventFilterArg({ subjectId: '511921198503121234' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.subjectId',
    });
    expect(refusal(() => eventFilterArg({ from: 'last week' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'filter.from',
      reason: 'from must be a date yyyy-mm-dd or an ISO instant with a time zone, got "last week"',
    });
    expect(refusal(() => eventFilterArg({ dept: 'FBI' }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'filter.dept',
      reason:
        'unknown value "FBI" (expected one of PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT)',
    });
    expect(refusal(() => eventFilterArg({ purpose: 'CURIOSITY' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.purpose',
    });
  });
});
