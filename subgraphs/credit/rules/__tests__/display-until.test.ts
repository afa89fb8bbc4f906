import { displayUntil } from '../display-until';

const general = { maxDisplayMonths: 12, endsWhenPerformed: false, displayWhileOutstanding: false };
const dishonest = { maxDisplayMonths: 24, endsWhenPerformed: true, displayWhileOutstanding: false };
const arrears = { maxDisplayMonths: 12, endsWhenPerformed: false, displayWhileOutstanding: true };
const restriction = {
  maxDisplayMonths: 12,
  endsWhenPerformed: true,
  displayWhileOutstanding: true,
};

const active = (decidedAt: string) => ({
  decidedAt,
  status: 'ACTIVE' as const,
  statusChangedAt: null,
});
const performed = (decidedAt: string, on: string | null) => ({
  decidedAt,
  status: 'PERFORMED' as const,
  statusChangedAt: on,
});

describe('displayUntil', () => {
  it('is the decision date plus the maximum display months', () => {
    expect(displayUntil(active('2024-05-10'), general)).toEqual({ until: '2025-05-10' });
  });

  it('clamps at the end of the month', () => {
    expect(displayUntil(active('2024-01-31'), { ...general, maxDisplayMonths: 1 })).toEqual({
      until: '2024-02-29',
    });
  });

  it('ends a performed court listing on the day it was performed', () => {
    expect(displayUntil(performed('2024-01-10', '2024-06-03'), dishonest)).toEqual({
      until: '2024-06-03',
    });
  });

  it('keeps the full period for a performed record of an item that does not end on performance', () => {
    expect(displayUntil(performed('2024-01-10', '2024-06-03'), general)).toEqual({
      until: '2025-01-10',
    });
  });

  it('keeps the period end of a listing when performance came after it (a 2-year term)', () => {
    expect(displayUntil(performed('2022-01-10', '2024-06-03'), dishonest)).toEqual({
      until: '2024-01-10',
    });
    expect(displayUntil(active('2022-01-10'), dishonest)).toEqual({ until: '2024-01-10' });
  });

  it('never displays a revoked record', () => {
    expect(
      displayUntil(
        { decidedAt: '2024-01-10', status: 'REVOKED', statusChangedAt: '2024-02-01' },
        restriction,
      ),
    ).toBeNull();
  });

  it('keeps unpaid arrears displayed with no end while they are outstanding', () => {
    expect(displayUntil(active('2020-01-10'), arrears)).toEqual({ until: null });
  });

  it('ends paid arrears at the later of the period end and the day they were paid', () => {
    expect(displayUntil(performed('2024-01-10', '2024-03-01'), arrears)).toEqual({
      until: '2025-01-10',
    });
    expect(displayUntil(performed('2022-01-10', '2024-03-01'), arrears)).toEqual({
      until: '2024-03-01',
    });
    expect(displayUntil(performed('2022-01-10', null), arrears)).toEqual({ until: '2023-01-10' });
  });

  it('keeps a restriction in force displayed, and ends it the day the court lifts it', () => {
    expect(displayUntil(active('2020-01-10'), restriction)).toEqual({ until: null });
    expect(displayUntil(performed('2024-01-10', '2024-03-01'), restriction)).toEqual({
      until: '2024-03-01',
    });
    expect(displayUntil(performed('2022-01-10', '2024-03-01'), restriction)).toEqual({
      until: '2024-03-01',
    });
  });
});
