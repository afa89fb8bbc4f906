import { displayedRecords } from '../displayed-records';
import { RULES, record } from './support/rules-fixture';

function shownIds(records: ReturnType<typeof record>[], asOf: string): string[] {
  return displayedRecords(records, RULES.catalog, asOf).map((shown) => shown.record.id);
}

describe('displayedRecords', () => {
  const arrears = record('t1', 'TAX_ARREARS', '2024-01-31');

  it('shows a record on its decision day and through the last day of its period', () => {
    expect(shownIds([arrears], '2024-01-31')).toEqual(['TAX:t1']);
    expect(shownIds([arrears], '2025-01-31')).toEqual(['TAX:t1']);
  });

  it('does not show it the day after the period or before the decision', () => {
    expect(shownIds([arrears], '2025-02-01')).toEqual([]);
    expect(shownIds([arrears], '2024-01-30')).toEqual([]);
  });

  it('ends a minor record at the month-end clamp in a leap year', () => {
    const minor = record('a1', 'AMR_PENALTY_MINOR', '2023-11-30');
    expect(displayedRecords([minor], RULES.catalog, '2024-02-29')).toEqual([
      {
        record: minor,
        item: RULES.catalog.byCode.get('AMR_PENALTY_MINOR'),
        displayUntil: '2024-02-29',
      },
    ]);
    expect(shownIds([minor], '2024-03-01')).toEqual([]);
  });

  it('keeps an outstanding obligation displayed past its period, with no end, until performed', () => {
    const unpaid = record('e1', 'EDU_STUDENT_LOAN_DEFAULT', '2021-03-10');
    expect(displayedRecords([unpaid], RULES.catalog, '2024-06-01')).toEqual([
      {
        record: unpaid,
        item: RULES.catalog.byCode.get('EDU_STUDENT_LOAN_DEFAULT'),
        displayUntil: null,
      },
    ]);
    const repaid = { ...unpaid, status: 'PERFORMED' as const, statusChangedAt: '2024-06-01' };
    expect(shownIds([repaid], '2024-06-01')).toEqual(['EDU:e1']);
    expect(shownIds([repaid], '2024-06-02')).toEqual([]);
  });

  it('shows a performed dishonest debtor through the day of performance only', () => {
    const listing = record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-06-03',
    });
    expect(shownIds([listing], '2024-06-03')).toEqual(['COURT:c1']);
    expect(shownIds([listing], '2024-06-04')).toEqual([]);
  });

  it('shows an active dishonest debtor for 24 months', () => {
    const listing = record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10');
    expect(shownIds([listing], '2026-01-10')).toEqual(['COURT:c1']);
    expect(shownIds([listing], '2026-01-11')).toEqual([]);
  });

  it('never shows a revoked record or a code missing from the catalog', () => {
    const revoked = record('t2', 'TAX_ARREARS', '2024-03-01', {
      status: 'REVOKED',
      statusChangedAt: '2024-03-05',
    });
    const unknown = record('t3', 'TAX_UNKNOWN', '2024-03-01');
    expect(shownIds([revoked, unknown], '2024-03-02')).toEqual([]);
  });

  it('lists newest decisions first', () => {
    const older = record('t4', 'TAX_ARREARS', '2024-02-01');
    const newer = record('a2', 'AMR_PENALTY_MINOR', '2024-03-01');
    expect(shownIds([older, newer], '2024-03-02')).toEqual(['AMR:a2', 'TAX:t4']);
  });
});
