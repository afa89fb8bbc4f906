import { addMonths } from './add-months';
import type { CatalogItem, CreditRecordData } from './types';

/** How long a record is displayed: through `until` (ISO, inclusive), or open while outstanding. */
export interface DisplayEnd {
  /**
   * The last day the record is displayed; null while it stays displayed until its obligation is
   * performed (a `displayWhileOutstanding` item still ACTIVE), however long that takes.
   */
  until: string | null;
}

/**
 * How long a record is displayed, or null if it never is. From its decision date:
 * - a REVOKED record: never (the decision no longer stands);
 * - normally through the decision date plus the item's maxDisplayMonths (end-of-month clamped);
 * - a PERFORMED record of an item that `endsWhenPerformed` (court listings): through the day it
 *   was performed, if that is earlier;
 * - an item that is `displayWhileOutstanding` (unpaid arrears, a restriction in force): while
 *   ACTIVE, open-ended; once PERFORMED, through the later of the period's end and the day it was
 *   performed (the day of performance for an item that also `endsWhenPerformed`).
 * Everything comes from the record's own data (status and its date), so a record revoked or
 * performed through a department's feed ends its display without anything else.
 */
export function displayUntil(
  record: Pick<CreditRecordData, 'decidedAt' | 'status' | 'statusChangedAt'>,
  item: Pick<CatalogItem, 'maxDisplayMonths' | 'endsWhenPerformed' | 'displayWhileOutstanding'>,
): DisplayEnd | null {
  if (record.status === 'REVOKED') return null;
  const periodEnd = addMonths(record.decidedAt, item.maxDisplayMonths);
  if (record.status === 'ACTIVE') {
    return { until: item.displayWhileOutstanding ? null : periodEnd };
  }
  const performedOn = record.statusChangedAt;
  // Performed on an unknown day: at the latest by now, so the period alone applies.
  if (performedOn === null) return { until: periodEnd };
  if (item.endsWhenPerformed) {
    return {
      until: item.displayWhileOutstanding || performedOn < periodEnd ? performedOn : periodEnd,
    };
  }
  if (item.displayWhileOutstanding && performedOn > periodEnd) return { until: performedOn };
  return { until: periodEnd };
}
