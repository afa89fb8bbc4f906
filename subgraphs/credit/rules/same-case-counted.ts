import type { CreditCategory, DisplayedRecord } from './types';

/** Which record of a case counts: the most severe category first. */
const SEVERITY: Readonly<Record<CreditCategory, number>> = {
  SERIOUS_BAD: 3,
  GENERAL_BAD: 2,
  MINOR_BAD: 1,
  GOOD: 0,
};

/**
 * Records of one case count once. Displayed records of the same source department with the same
 * `caseKey` (e.g. a dishonest-debtor listing and the consumption restriction of one enforcement
 * case) form a case; the record that counts for it is the most severe category, then the larger
 * deduction (`points` of its item, lower first), then the earlier decision, then the lower id.
 * Returns, for every displayed record that does NOT count, the record that counts for its case;
 * a record without a case key always counts. Expired or hidden records are not displayed and so
 * never take the place of a displayed one.
 */
export function sameCaseCounted(
  displayed: readonly DisplayedRecord[],
  points: (shown: DisplayedRecord) => number,
): Map<string, DisplayedRecord> {
  const cases = new Map<string, DisplayedRecord[]>();
  for (const shown of displayed) {
    if (shown.record.caseKey === null) continue;
    const key = `${shown.record.sourceDept}\u0000${shown.record.caseKey}`;
    cases.set(key, [...(cases.get(key) ?? []), shown]);
  }
  const counted = new Map<string, DisplayedRecord>();
  for (const members of cases.values()) {
    if (members.length < 2) continue;
    const [first, ...others] = [...members].sort(
      (a, b) =>
        SEVERITY[b.item.category] - SEVERITY[a.item.category] ||
        points(a) - points(b) ||
        a.record.decidedAt.localeCompare(b.record.decidedAt) ||
        a.record.id.localeCompare(b.record.id),
    );
    for (const other of others) counted.set(other.record.id, first);
  }
  return counted;
}
