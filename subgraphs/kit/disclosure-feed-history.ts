import type { DisclosureFeedEntry } from './disclosure-feed-store';

/**
 * The disclosure feed history of decisions given at their latest version, as the outbox would
 * have recorded it: each decision published on its date and, if since revoked, withdrawn by a
 * later version; in date order. Every department's seed builds its feed with it.
 */
export function disclosureFeedHistory(
  latest: readonly DisclosureFeedEntry[],
): DisclosureFeedEntry[] {
  const events: { on: string; entry: DisclosureFeedEntry }[] = [];
  for (const entry of latest) {
    events.push({
      on: entry.decidedAt,
      entry: { ...entry, status: 'ACTIVE', statusChangedAt: null },
    });
    if (entry.status === 'REVOKED') {
      events.push({ on: entry.statusChangedAt ?? entry.decidedAt, entry });
    }
  }
  events.sort(
    (a, b) =>
      a.on.localeCompare(b.on) ||
      a.entry.sourceRecordId.localeCompare(b.entry.sourceRecordId) ||
      Number(a.entry.status === 'REVOKED') - Number(b.entry.status === 'REVOKED'),
  );
  return events.map((event) => event.entry);
}
