import type { CreditRecordData } from '../rules/types';
import { recordAdjustment } from './record-adjustment';
import type { PersonAdjustments } from './types';

/**
 * The records objections and repairs leave standing: without those removed by an upheld
 * objection or ended by an approved repair. Display periods and points then apply to the rest
 * (`displayedRecords`, `computeScore`), so a hidden record is neither shown nor scored.
 */
export function visibleRecords(
  records: readonly CreditRecordData[],
  adjustments: PersonAdjustments,
): CreditRecordData[] {
  return records.filter((record) => recordAdjustment(record, adjustments).hiddenBy === null);
}
