import { addMonths } from './add-months';
import type { CatalogItem, CreditRecordData } from './types';

/**
 * The last day (ISO, inclusive) a record is displayed, or null if it is never displayed.
 * - normally the decision date plus the item's display months (end-of-month clamped);
 * - a PERFORMED record of an item that `endsWhenPerformed` (court listings) is shown through the
 *   day it was performed, if that is earlier;
 * - a REVOKED record is never displayed: the decision no longer stands.
 */
export function displayUntil(
  record: Pick<CreditRecordData, 'decidedAt' | 'status' | 'statusChangedAt'>,
  item: Pick<CatalogItem, 'displayMonths' | 'endsWhenPerformed'>,
): string | null {
  if (record.status === 'REVOKED') return null;
  const periodEnd = addMonths(record.decidedAt, item.displayMonths);
  if (
    record.status === 'PERFORMED' &&
    item.endsWhenPerformed &&
    record.statusChangedAt !== null &&
    record.statusChangedAt < periodEnd
  ) {
    return record.statusChangedAt;
  }
  return periodEnd;
}
