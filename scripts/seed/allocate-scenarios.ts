import { SCENARIOS } from '../../subgraphs/kit/seed/scenarios';
import type { Scenario } from '../../subgraphs/kit/seed/scenarios';

/** Most persons made per scenario (fixtures.json lists up to five each). */
const MAX_PER_SCENARIO = 5;
/** Persons per scenario when the population allows it. */
const MIN_PER_SCENARIO = 3;

/**
 * How many persons each scenario gets in a population of `count`: 3, growing to 5 once scenario
 * persons would stay under a tenth of the population; below 3 x 12 persons only
 * `floor(count / 12)` (at least 1). Throws when `count` cannot give every scenario one person.
 */
export function personsPerScenario(count: number): number {
  if (!Number.isInteger(count) || count < SCENARIOS.length) {
    throw new RangeError(
      `a population needs at least ${SCENARIOS.length} persons (one per scenario), got ${count}`,
    );
  }
  const tenth = Math.floor(count / (SCENARIOS.length * 10));
  const wanted = Math.min(MAX_PER_SCENARIO, Math.max(MIN_PER_SCENARIO, tenth));
  return Math.min(wanted, Math.floor(count / SCENARIOS.length));
}

/**
 * The scenario of every position of a population of `count`: the scenario persons are spread
 * evenly over the whole population (positions depend only on `count`, never on the seed), in
 * the order of SCENARIOS, and everyone else is `background`.
 */
export function allocateScenarios(count: number): (Scenario | 'background')[] {
  const perScenario = personsPerScenario(count);
  const slots = perScenario * SCENARIOS.length;
  const allocation: (Scenario | 'background')[] = new Array(count).fill('background');
  // slots <= count, so floor(k * count / slots) is strictly increasing: no position is reused.
  for (let k = 0; k < slots; k += 1) {
    allocation[Math.floor((k * count) / slots)] = SCENARIOS[k % SCENARIOS.length];
  }
  return allocation;
}
