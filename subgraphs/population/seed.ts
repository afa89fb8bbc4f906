import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import type { PopulationStore } from './store';

/** Writes the synthetic residents into the household register. */
export async function seedPopulation(
  store: PopulationStore,
  persons: readonly SyntheticPerson[],
): Promise<void> {
  await store.replaceAll(persons);
}
