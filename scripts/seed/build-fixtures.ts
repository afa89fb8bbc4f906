import { CONSENTED_ORG } from '../../subgraphs/credit/seed';
import { SCENARIOS } from '../../subgraphs/kit/seed/scenarios';
import type { Scenario } from '../../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../../subgraphs/kit/seed/synthetic-person';

/** Contents of `<dataDir>/fixtures.json` (DESIGN §7): example person ids per scenario. */
export interface Fixtures {
  seed: number;
  asOf: string;
  /** Size of the seeded population. */
  persons: number;
  /** ISO timestamp of the seed run (the only field that differs between identical runs). */
  generatedAt: string;
  /** Up to five person ids per scenario, in population order. */
  scenarios: Record<Scenario, string[]>;
  /** Synthetic organisations: `consented` is the one every `consent_granted` person consented to. */
  orgs: { consented: string };
}

const IDS_PER_SCENARIO = 5;

/** The fixtures of a seeded population. */
export function buildFixtures(
  persons: readonly SyntheticPerson[],
  run: { seed: number; asOf: string; generatedAt: string },
): Fixtures {
  const scenarios = Object.fromEntries(SCENARIOS.map((s) => [s, [] as string[]])) as Record<
    Scenario,
    string[]
  >;
  for (const person of persons) {
    if (person.scenario === 'background') continue;
    const ids = scenarios[person.scenario];
    if (ids.length < IDS_PER_SCENARIO) ids.push(person.id);
  }
  return {
    seed: run.seed,
    asOf: run.asOf,
    persons: persons.length,
    generatedAt: run.generatedAt,
    scenarios,
    orgs: { consented: CONSENTED_ORG },
  };
}
