import { addDays } from '../../kit/seed/random';
import { addMonths } from '../rules/add-months';
import type { CatalogItem, CreditRecordData } from '../rules/types';

/** Categories a credit repair (信用修复) may end early; minor records simply expire. */
export const REPAIRABLE_CATEGORIES: readonly string[] = ['GENERAL_BAD', 'SERIOUS_BAD'];

/**
 * The first day (ISO) a repair of `record` may be applied for: the day after its minimum display
 * period (the catalog's `minDisplayMonths`, counted like display periods from the decision date,
 * inclusive of the last day). Null when the item's category cannot be repaired.
 */
export function repairPossibleFrom(
  record: Pick<CreditRecordData, 'decidedAt'>,
  item: Pick<CatalogItem, 'category' | 'minDisplayMonths'>,
): string | null {
  if (!REPAIRABLE_CATEGORIES.includes(item.category)) return null;
  return addDays(addMonths(record.decidedAt, item.minDisplayMonths), 1);
}
