import type { CreditListKind, DisplayedRecord, ListRule } from '../rules/types';
import { withinMonthsUntil } from './within-months';

/** One record a list entry rests on. */
export interface CreditListBasisView {
  recordId: string;
  catalogCode: string;
  decidedAt: string;
  /** Last day the record is displayed (inclusive); null while its obligation is outstanding. */
  displayUntil: string | null;
}

/** A person's place on one credit list (`CreditListEntry`). */
export interface CreditListEntryView {
  list: CreditListKind;
  name: string;
  /** The records that put the person on the list, oldest decision first. */
  basis: CreditListBasisView[];
  /** Decision date of the earliest basis record. */
  since: string;
  /**
   * Last day (inclusive) the basis keeps the person on the list: the latest end of a basis
   * record's display period, or of its `decidedWithinMonths` window if that ends sooner; null
   * while a basis record stays displayed until its obligation is performed.
   */
  until: string | null;
}

/**
 * The lists a person is on as of `asOf`, in the order of the rules: derived from the records on
 * display (`displayed`, as displayedRecords returns them), never stored, so a record that expires,
 * is performed or revoked takes the person off the list the next day without any job running.
 */
export function creditLists(
  displayed: readonly DisplayedRecord[],
  rules: readonly ListRule[],
  asOf: string,
): CreditListEntryView[] {
  const entries: CreditListEntryView[] = [];
  for (const rule of rules) {
    if (displayed.some(({ item }) => rule.unlessDisplayed.includes(item.category))) continue;
    const basis: { view: CreditListBasisView; holdsUntil: string | null }[] = [];
    for (const { record, item, displayUntil } of displayed) {
      if (!rule.categories.includes(item.category) || !rule.statuses.includes(record.status)) {
        continue;
      }
      let holdsUntil = displayUntil;
      if (rule.decidedWithinMonths !== null) {
        const windowEnd = withinMonthsUntil(record.decidedAt, rule.decidedWithinMonths);
        if (asOf > windowEnd) continue;
        if (holdsUntil === null || windowEnd < holdsUntil) holdsUntil = windowEnd;
      }
      basis.push({
        view: {
          recordId: record.id,
          catalogCode: item.code,
          decidedAt: record.decidedAt,
          displayUntil,
        },
        holdsUntil,
      });
    }
    if (basis.length === 0) continue;
    basis.sort(
      (a, b) =>
        a.view.decidedAt.localeCompare(b.view.decidedAt) ||
        a.view.recordId.localeCompare(b.view.recordId),
    );
    entries.push({
      list: rule.list,
      name: rule.name,
      basis: basis.map((entry) => entry.view),
      since: basis[0].view.decidedAt,
      // The latest end, an open one (null) being the latest of all.
      until: basis
        .map((entry) => entry.holdsUntil)
        .reduce((a, b) => (a === null || b === null ? null : a > b ? a : b)),
    });
  }
  return entries;
}
