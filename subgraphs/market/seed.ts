import type { Database } from '../kit/db/database';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { MarketSeedPlan } from './market-seed-plan';
import { marketDisclosureHistory } from './market-disclosure-entries';
import { marketFeedHistory } from './market-feed-entries';
import type { MarketRecords } from './records';
import { createMarketStore } from './store';

/**
 * The market bureau's records of the synthetic county as of `asOf` (ISO date): deterministic for
 * the same persons and date.
 */
export function planMarketRecords(
  persons: readonly SyntheticPerson[],
  asOf: string,
): MarketRecords {
  const plan = new MarketSeedPlan(asOf);
  for (const person of persons) plan.addPerson(person);
  for (const person of persons) plan.addMinorityRole(person);
  return plan.records;
}

/**
 * Replaces the market bureau's data with its part of the synthetic county, domain rows and the
 * matching credit and disclosure feeds in one transaction.
 */
export async function seedMarket(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<void> {
  const records = planMarketRecords(persons, asOf);
  const names = new Map(persons.map((person) => [person.id, person.name]));
  await createMarketStore(db).replaceAll(
    records,
    marketFeedHistory(records),
    marketDisclosureHistory(records, names),
  );
}
