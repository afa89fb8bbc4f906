import type { CreditRecordData } from '../rules/types';
import type { PersonAdjustments, RecordAdjustment, RecordRef } from './types';

/**
 * Whether an objection or repair (made on `madeOn`) is about `record`: the same department's
 * record id, or, for a seeded claim without one, the same department and catalog item decided on
 * or before the claim (a later record of the same item is a new matter).
 */
export function refersTo(
  ref: RecordRef,
  madeOn: string,
  record: Pick<
    CreditRecordData,
    'personId' | 'sourceDept' | 'sourceRecordId' | 'catalogCode' | 'decidedAt'
  >,
): boolean {
  if (ref.personId !== record.personId || ref.sourceDept !== record.sourceDept) return false;
  if (ref.sourceRecordId !== null) return ref.sourceRecordId === record.sourceRecordId;
  return ref.catalogCode === record.catalogCode && record.decidedAt <= madeOn;
}

function latest<T extends { id: string }>(items: readonly T[], on: (item: T) => string): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (best === null || on(item) > on(best) || (on(item) === on(best) && item.id > best.id)) {
      best = item;
    }
  }
  return best;
}

/**
 * What a person's objections and repairs do to one of their records: under objection while one is
 * open; hidden (neither shown nor scored) once an objection is upheld with REMOVED or a repair is
 * approved. A rejected objection or repair leaves the record standing.
 */
export function recordAdjustment(
  record: CreditRecordData,
  adjustments: PersonAdjustments,
): RecordAdjustment {
  const objections = adjustments.objections.filter((o) => refersTo(o, o.filedOn, record));
  const repairs = adjustments.repairs.filter((r) => refersTo(r, r.appliedOn, record));
  const removed = objections.some((o) => o.status === 'UPHELD' && o.correction === 'REMOVED');
  const repaired = repairs.some((r) => r.status === 'APPROVED');
  return {
    underObjection: objections.some((o) => o.status === 'OPEN'),
    objection: latest(objections, (o) => o.filedOn),
    repair: latest(repairs, (r) => r.appliedOn),
    hiddenBy: removed ? 'OBJECTION_REMOVED' : repaired ? 'REPAIR_APPROVED' : null,
  };
}
