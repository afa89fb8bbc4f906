import { sourceCollections } from '../source-collections';

const HOUR = 60 * 60 * 1000;
const now = new Date('2024-06-02T08:00:00.000Z');

describe('sourceCollections', () => {
  it('lists every expected source in order, never-collected ones as stale', () => {
    const states = [
      {
        source: 'COURT',
        lastSuccessAt: new Date('2024-06-01T07:00:00.000Z'),
        lastAttemptAt: new Date('2024-06-02T07:59:00.000Z'),
        lastError: 'court courtCreditFeed: HTTP 503',
      },
      {
        source: 'TAX',
        lastSuccessAt: new Date('2024-06-02T07:59:00.000Z'),
        lastAttemptAt: new Date('2024-06-02T07:59:00.000Z'),
        lastError: null,
      },
    ];
    expect(sourceCollections(['TAX', 'COURT', 'EDU'], states, now, 24 * HOUR)).toEqual([
      {
        dept: 'TAX',
        lastSuccessAt: '2024-06-02T07:59:00.000Z',
        lastAttemptAt: '2024-06-02T07:59:00.000Z',
        stale: false,
        lastError: null,
      },
      {
        dept: 'COURT',
        lastSuccessAt: '2024-06-01T07:00:00.000Z',
        lastAttemptAt: '2024-06-02T07:59:00.000Z',
        stale: true,
        lastError: 'court courtCreditFeed: HTTP 503',
      },
      { dept: 'EDU', lastSuccessAt: null, lastAttemptAt: null, stale: true, lastError: null },
    ]);
  });
});
