import { CONSENTED_ORG } from '../../../subgraphs/credit/seed';
import { SCENARIOS } from '../../../subgraphs/kit/seed/scenarios';
import { buildFixtures } from '../build-fixtures';
import { generatePersons } from '../generate-persons';

describe('buildFixtures', () => {
  it('lists the first five persons of every scenario, in population order', () => {
    const persons = generatePersons({ count: 5000, seed: 3, asOf: '2025-06-30' });
    const run = { seed: 3, asOf: '2025-06-30', generatedAt: '2025-06-30T08:00:00.000Z' };
    expect(buildFixtures(persons, run)).toEqual({
      ...run,
      persons: 5000,
      scenarios: Object.fromEntries(
        SCENARIOS.map((scenario) => [
          scenario,
          persons
            .filter((p) => p.scenario === scenario)
            .slice(0, 5)
            .map((p) => p.id),
        ]),
      ),
      orgs: { consented: CONSENTED_ORG },
    });
  });

  it('caps each scenario at five ids when more persons were made for it', () => {
    // Two persons per scenario, three times over: six made, five listed.
    const persons = generatePersons({ count: 2 * SCENARIOS.length, seed: 3, asOf: '2025-06-30' });
    const many = [...persons, ...persons, ...persons].map((p, index) => ({ ...p, index }));
    const fixtures = buildFixtures(many, { seed: 3, asOf: '2025-06-30', generatedAt: 'now' });
    expect(Object.values(fixtures.scenarios).map((ids) => ids.length)).toEqual(
      Array(SCENARIOS.length).fill(5),
    );
    expect(fixtures.persons).toBe(6 * SCENARIOS.length);
  });
});
