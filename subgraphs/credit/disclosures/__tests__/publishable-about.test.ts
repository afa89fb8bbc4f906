import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { publishableAbout, publishableFrom } from '../publishable-about';

describe('publishableAbout (decisions about minors are never published)', () => {
  it('publishes a decision from the day the party is 18: the day after the 18th birthday', () => {
    const id = makeCitizenId('511921', '20070615', 123);
    expect(publishableFrom(id)).toBe('2025-06-16');
    expect(publishableAbout(id, '2025-06-15')).toBe(false);
    expect(publishableAbout(id, '2025-06-16')).toBe(true);
  });

  it('uses the same 29 February rule as every other subgraph (adult from 1 March)', () => {
    const id = makeCitizenId('511921', '20080229', 124);
    expect(publishableAbout(id, '2026-02-28')).toBe(false);
    expect(publishableAbout(id, '2026-03-01')).toBe(true);
  });

  it('never publishes about an id without a real birth date', () => {
    expect(publishableFrom('511921200702301234')).toBeNull();
    expect(publishableAbout('511921200702301234', '2030-01-01')).toBe(false);
    expect(publishableAbout('5119', '2030-01-01')).toBe(false);
  });
});
