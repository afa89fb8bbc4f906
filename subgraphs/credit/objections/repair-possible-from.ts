import { addDays } from '../../kit/seed/random';
import { addMonths } from '../rules/add-months';
import type { CatalogItem, CreditRecordData } from '../rules/types';

/**
 * The first day (ISO) a repair of `record` may be applied for: the day after its minimum display
 * period (the catalog's `minDisplayMonths`, counted like display periods from the decision date,
 * inclusive of the last day). Null when the credit platform's repair procedure cannot end the
 * item at all: good records (`repair: NONE`) and court listings, which only the court's own
 * decision ends (`repair: SOURCE_DECISION`).
 */
export function repairPossibleFrom(
  record: Pick<CreditRecordData, 'decidedAt'>,
  item: Pick<CatalogItem, 'repair' | 'minDisplayMonths'>,
): string | null {
  if (item.repair !== 'CREDIT_PLATFORM') return null;
  return addDays(addMonths(record.decidedAt, item.minDisplayMonths), 1);
}
