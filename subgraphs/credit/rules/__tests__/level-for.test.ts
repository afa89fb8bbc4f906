import { levelFor } from '../level-for';
import { RULES } from './support/rules-fixture';

describe('levelFor', () => {
  it.each([
    [1200, 'AAA'],
    [1050, 'AAA'],
    [1049, 'AA'],
    [1000, 'AA'],
    [999, 'A'],
    [950, 'A'],
    [949, 'B'],
    [850, 'B'],
    [849, 'C'],
    [-40, 'C'],
  ])('gives %i the level %s', (score, code) => {
    expect(levelFor(score, RULES).code).toBe(code);
  });

  it('returns the whole level', () => {
    expect(levelFor(1000, RULES)).toEqual({ code: 'AA', name: '良好', minScore: 1000 });
  });
});
