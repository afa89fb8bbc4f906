import { sourceCollections } from '../source-collections';

const HOUR = 60 * 60 * 1000;
const now = new Date('2024-06-02T08:00:00.000Z');

describe('sourceCollections', () => {
  it('lists every expected source in order: never collected, failed or too old ones stale', () => {
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
      {
        source: 'PSB',
        lastSuccessAt: new Date('2024-06-01T06:00:00.000Z'),
        lastAttemptAt: new Date('2024-06-01T06:00:00.000Z'),
        lastError: null,
      },
    ];
    // Each source by its own bound: PSB (26 h old) is still current under a 48-hour bound.
    const bound = (dept: string) => (dept === 'PSB' ? 48 : 24) * HOUR;
    expect(sourceCollections(['TAX', 'COURT', 'EDU', 'PSB'], states, now, bound)).toEqual([
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
      {
        dept: 'PSB',
        lastSuccessAt: '2024-06-01T06:00:00.000Z',
        lastAttemptAt: '2024-06-01T06:00:00.000Z',
        stale: false,
        lastError: null,
      },
    ]);
    expect(sourceCollections(['PSB'], states, now, () => 24 * HOUR)[0].stale).toBe(true);
  });
});
