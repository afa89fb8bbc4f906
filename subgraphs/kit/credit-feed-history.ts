import type { CreditFeedEntry } from './credit-feed-store';

/**
 * Expands the latest version of each credit record into the outbox history that version implies:
 * its ACTIVE version on its decision date and, for a record since performed or revoked, a later
 * version on its status change date. Events come in date order (ties by record id, ACTIVE first),
 * so a seed writes the feed a collector would have seen had it watched all along.
 */
export function creditFeedHistory(latest: readonly CreditFeedEntry[]): CreditFeedEntry[] {
  const events: { on: string; entry: CreditFeedEntry }[] = [];
  for (const entry of latest) {
    events.push({
      on: entry.decidedAt,
      entry: { ...entry, status: 'ACTIVE', statusChangedAt: null },
    });
    if (entry.status !== 'ACTIVE' && entry.statusChangedAt !== null) {
      events.push({ on: entry.statusChangedAt, entry });
    }
  }
  events.sort(
    (a, b) =>
      compare(a.on, b.on) ||
      compare(a.entry.sourceRecordId, b.entry.sourceRecordId) ||
      Number(a.entry.status !== 'ACTIVE') - Number(b.entry.status !== 'ACTIVE'),
  );
  return events.map((event) => event.entry);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
