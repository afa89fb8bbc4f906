import type { CreditLevel, CreditRules } from './types';

/** The level of a score: the highest whose `minScore` it reaches, else the last level. */
export function levelFor(score: number, rules: Pick<CreditRules, 'levels'>): CreditLevel {
  const level = rules.levels.find(
    (candidate) => candidate.minScore === null || score >= candidate.minScore,
  );
  return level ?? rules.levels[rules.levels.length - 1];
}
