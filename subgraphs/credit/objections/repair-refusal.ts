import type { CatalogItem, CreditRecordData } from '../rules/types';
import { repairPossibleFrom } from './repair-possible-from';

/** Why the credit platform's repair procedure (信用修复) refuses a record, for BAD_USER_INPUT. */
export interface RepairRefusal {
  message: string;
  /** Extensions of the error besides code and argument (reason, route, dates). */
  extensions: Record<string, string>;
}

/**
 * Whether the credit platform may take a repair application for `record` on `asOf`, and if not
 * why, from the catalog item alone (`repair`, `minDisplayMonths`, `displayWhileOutstanding`):
 * - a good record (repair NONE) or an unknown item has nothing to repair;
 * - a court listing (repair SOURCE_DECISION) ends only by its source's own decision: the answer
 *   names that department and the legal basis, so the citizen knows where to go;
 * - a record whose obligation is still outstanding (an ACTIVE `displayWhileOutstanding` item:
 *   unpaid arrears) needs the obligation performed first (信用修复管理办法 2025: repair requires
 *   the dishonest act corrected and the obligations fully performed);
 * - before the minimum display period is over, the day repair becomes possible.
 * Null when the application may be taken.
 */
export function repairRefusal(
  record: Pick<CreditRecordData, 'id' | 'decidedAt' | 'status' | 'sourceDept'>,
  item: CatalogItem | undefined,
  asOf: string,
): RepairRefusal | null {
  if (item === undefined || item.repair === 'NONE') {
    const what = item ? `a ${item.category} record (${item.code})` : 'not in the catalog';
    return {
      message: `record ${record.id} is ${what}: there is nothing to repair`,
      extensions: { reason: 'nothing to repair' },
    };
  }
  const label = `record ${record.id} (${item.name}, ${item.code})`;
  if (item.repair === 'SOURCE_DECISION') {
    return {
      message:
        `${label} is not ended by credit repair: only ${record.sourceDept}, the department that ` +
        `decided it, ends it early by its own decision; apply to ${record.sourceDept} ` +
        `(${item.legalBasis})`,
      extensions: {
        reason: `ended only by the decision of ${record.sourceDept}`,
        repairRoute: 'SOURCE_DECISION',
        routeDept: record.sourceDept,
      },
    };
  }
  if (item.displayWhileOutstanding && record.status === 'ACTIVE') {
    return {
      message:
        `${label}: its obligation is still outstanding; credit repair needs it performed first ` +
        '(信用修复管理办法 2025: the obligations fully performed)',
      extensions: { reason: 'obligation outstanding' },
    };
  }
  const from = repairPossibleFrom(record, item) ?? asOf;
  if (asOf < from) {
    return {
      message:
        `record ${record.id} must be displayed for at least ${item.minDisplayMonths} months; ` +
        `repair is possible from ${from}`,
      extensions: { reason: `repair is possible from ${from}`, repairPossibleFrom: from },
    };
  }
  return null;
}
