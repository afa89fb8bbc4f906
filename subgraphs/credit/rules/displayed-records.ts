import { displayUntil } from './display-until';
import type { Catalog, CreditRecordData, DisplayedRecord } from './types';

/**
 * The records on display on `asOf` (ISO date), newest decision first: decided on or before
 * `asOf`, not past their display period (displayUntil: an outstanding obligation keeps its
 * record), not revoked, and of a catalog item (a code missing from the catalog has no category
 * or period, so it is neither shown nor scored).
 */
export function displayedRecords(
  records: readonly CreditRecordData[],
  catalog: Pick<Catalog, 'byCode'>,
  asOf: string,
): DisplayedRecord[] {
  const shown: DisplayedRecord[] = [];
  for (const record of records) {
    const item = catalog.byCode.get(record.catalogCode);
    if (!item) continue;
    const end = displayUntil(record, item);
    if (end === null || record.decidedAt > asOf) continue;
    if (end.until !== null && asOf > end.until) continue;
    shown.push({ record, item, displayUntil: end.until });
  }
  return shown.sort(
    (a, b) =>
      b.record.decidedAt.localeCompare(a.record.decidedAt) ||
      b.record.id.localeCompare(a.record.id),
  );
}
