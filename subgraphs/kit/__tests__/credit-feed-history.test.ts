import type { CreditFeedEntry } from '../credit-feed-store';
import { creditFeedHistory } from '../credit-feed-history';

function entry(overrides: Partial<CreditFeedEntry>): CreditFeedEntry {
  return {
    sourceRecordId: 'R-1',
    personId: '511921198503150106',
    catalogCode: 'TAX_ARREARS',
    decidedAt: '2024-01-10',
    decisionNo: 'D-1',
    status: 'ACTIVE',
    statusChangedAt: null,
    ...overrides,
  };
}

describe('creditFeedHistory', () => {
  it('emits an ACTIVE version first and the status change on its own date, in date order', () => {
    const paid = entry({
      sourceRecordId: 'R-1',
      status: 'PERFORMED',
      statusChangedAt: '2024-03-01',
    });
    const open = entry({ sourceRecordId: 'R-2', decidedAt: '2024-02-01' });
    expect(creditFeedHistory([paid, open])).toEqual([
      entry({ sourceRecordId: 'R-1' }),
      entry({ sourceRecordId: 'R-2', decidedAt: '2024-02-01' }),
      paid,
    ]);
  });

  it('keeps ACTIVE before the change when both fall on one day, and orders ties by record id', () => {
    const revoked = entry({
      sourceRecordId: 'R-2',
      status: 'REVOKED',
      statusChangedAt: '2024-01-10',
    });
    const other = entry({ sourceRecordId: 'R-1' });
    expect(creditFeedHistory([revoked, other])).toEqual([
      other,
      entry({ sourceRecordId: 'R-2' }),
      revoked,
    ]);
  });
});
