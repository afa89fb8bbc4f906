import { addDaysIso } from '../../lib/civil-time/add-days-iso';
import { generatePersons } from '../seed/generate-persons';
import { planCourtRecords } from '../../subgraphs/court/seed';
import { planMarketRecords } from '../../subgraphs/market/seed';
import type { SampleSubjects } from './sample-decision-rows';

/** The county the committed examples are made for: what `npm run seed` and the tests seed with these. */
export const EXAMPLES_SEED = { persons: 120, seed: 2018, asOf: '2026-12-01' } as const;

/**
 * Registered persons, open enforcement cases, and enterprises
 * in operation of the synthetic county seeded with these parameters (the seed is deterministic),
 * dated a few days before its reference date so every decision comes after the seed's records.
 */
export function exampleSubjects(options: {
  persons: number;
  seed: number;
  asOf: string;
}): SampleSubjects {
  const persons = generatePersons({
    count: options.persons,
    seed: options.seed,
    asOf: options.asOf,
  });
  const court = planCourtRecords(persons, options.asOf);
  const market = planMarketRecords(persons, options.asOf);
  return {
    persons: persons
      .filter(
        (person) =>
          person.scenario === 'background' &&
          person.householdStatus === 'ACTIVE' &&
          person.registrationIssues.length === 0,
      )
      .map((person) => person.id),
    cases: court.cases
      .filter((enforcement) => enforcement.status === 'OPEN')
      .map(({ personId, caseNo }) => ({ personId, caseNo })),
    enterprises: market.enterprises
      .filter((enterprise) => enterprise.status === 'ACTIVE')
      .map((enterprise) => enterprise.uscc),
    recordDate: addDaysIso(options.asOf, -5),
    endDate: addDaysIso(options.asOf, -2),
  };
}
