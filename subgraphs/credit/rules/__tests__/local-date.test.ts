import { localDate } from '../local-date';

describe('localDate', () => {
  it('counts days in China Standard Time (UTC+8)', () => {
    expect(localDate(new Date('2024-02-29T15:59:59Z'))).toBe('2024-02-29');
    expect(localDate(new Date('2024-02-29T16:00:00Z'))).toBe('2024-03-01');
  });
});
