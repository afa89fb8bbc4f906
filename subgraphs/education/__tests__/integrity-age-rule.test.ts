import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { mayKeepIntegrityRecord } from '../integrity-age-rule';

describe('integrity file age rule (seed task 23)', () => {
  it('keeps a record only from the day after the 18th birthday in the id', () => {
    const personId = makeCitizenId('511921', '20050615', 123);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2023-06-15' })).toBe(false);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2023-06-16' })).toBe(true);
  });

  it('makes a 29 February child an adult on 1 March, as the disclosures do', () => {
    const personId = makeCitizenId('511921', '20040229', 123);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2022-02-28' })).toBe(false);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2022-03-01' })).toBe(true);
    expect(mayKeepIntegrityRecord({ personId, decidedAt: '2019-06-07' })).toBe(false);
  });
});
