import { isStale } from '../is-stale';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2024-06-02T08:00:00Z');
const succeeded = (at: string) => ({ lastSuccessAt: new Date(at), lastError: null });

describe('isStale', () => {
  it('is stale when the source was never collected', () => {
    expect(isStale({ lastSuccessAt: null, lastError: null }, now, DAY)).toBe(true);
  });

  it('is fresh up to the threshold exactly', () => {
    expect(isStale(succeeded('2024-06-01T08:00:00Z'), now, DAY)).toBe(false);
  });

  it('is stale past the threshold', () => {
    expect(isStale(succeeded('2024-06-01T07:59:59.999Z'), now, DAY)).toBe(true);
  });

  it('is stale at once when the latest attempt failed, however recent the last success', () => {
    expect(
      isStale({ lastSuccessAt: new Date('2024-06-02T07:59:00Z'), lastError: 'HTTP 503' }, now, DAY),
    ).toBe(true);
  });
});
