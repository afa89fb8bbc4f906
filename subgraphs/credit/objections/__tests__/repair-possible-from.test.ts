import { RULES, record } from '../../rules/__tests__/support/rules-fixture';
import { repairPossibleFrom } from '../repair-possible-from';
import { repairRefusal } from '../repair-refusal';

const GENERAL = { repair: 'CREDIT_PLATFORM' as const, minDisplayMonths: 3 };
const item = (code: string) => RULES.catalog.byCode.get(code);

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

  it('counts serious records by their own minimum, minor ones from the next day', () => {
    expect(
      repairPossibleFrom({ decidedAt: '2025-06-30' }, { ...GENERAL, minDisplayMonths: 12 }),
    ).toBe('2026-07-01');
    expect(
      repairPossibleFrom({ decidedAt: '2026-01-01' }, { ...GENERAL, minDisplayMonths: 0 }),
    ).toBe('2026-01-02');
  });

  it('is null for items the platform never repairs: good records and court listings', () => {
    expect(
      repairPossibleFrom({ decidedAt: '2026-01-01' }, { repair: 'NONE', minDisplayMonths: 0 }),
    ).toBeNull();
    expect(
      repairPossibleFrom(
        { decidedAt: '2026-01-01' },
        { repair: 'SOURCE_DECISION', minDisplayMonths: 12 },
      ),
    ).toBeNull();
  });
});

describe('repairRefusal', () => {
  it('takes a record past its minimum period whose obligation is performed', () => {
    const paid = record('t1', 'TAX_ARREARS', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-02-01',
    });
    expect(repairRefusal(paid, item('TAX_ARREARS'), '2024-04-11')).toBeNull();
  });

  it('names the court as the only route for a court listing, whatever the date', () => {
    const listing = record('d1', 'COURT_DISHONEST_DEBTOR', '2022-01-10');
    expect(repairRefusal(listing, item('COURT_DISHONEST_DEBTOR'), '2024-01-01')).toEqual({
      message:
        'record COURT:d1 (失信被执行人, COURT_DISHONEST_DEBTOR) is not ended by credit repair: ' +
        'only COURT, the department that decided it, ends it early by its own decision; apply ' +
        'to COURT (法释〔2017〕7号)',
      extensions: {
        reason: 'ended only by the decision of COURT',
        repairRoute: 'SOURCE_DECISION',
        routeDept: 'COURT',
      },
    });
  });

  it('refuses a default still unpaid: the obligation must be performed first', () => {
    const unpaid = record('e1', 'EDU_STUDENT_LOAN_DEFAULT', '2024-01-10');
    expect(
      repairRefusal(unpaid, item('EDU_STUDENT_LOAN_DEFAULT'), '2025-06-01')?.extensions,
    ).toEqual({
      reason: 'obligation outstanding',
    });
  });

  it('names the first day a repair is possible when it is too early', () => {
    const paid = record('t1', 'TAX_ARREARS', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-02-01',
    });
    expect(repairRefusal(paid, item('TAX_ARREARS'), '2024-04-10')?.extensions).toEqual({
      reason: 'repair is possible from 2024-04-11',
      repairPossibleFrom: '2024-04-11',
    });
  });

  it('has nothing to repair for a good record or an unknown item', () => {
    expect(
      repairRefusal(record('g1', 'TAX_A_LEVEL', '2024-01-10'), item('TAX_A_LEVEL'), '2024-06-01')
        ?.message,
    ).toBe('record TAX:g1 is a GOOD record (TAX_A_LEVEL): there is nothing to repair');
    expect(
      repairRefusal(record('x1', 'NOPE', '2024-01-10'), undefined, '2024-06-01')?.message,
    ).toBe('record TAX:x1 is not in the catalog: there is nothing to repair');
  });
});
