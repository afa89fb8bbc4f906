import { displayedRecords } from './displayed-records';
import { itemPoints } from './item-points';
import { sameCaseCounted } from './same-case-counted';
import type { CreditRecordData, CreditRules, CreditScore, ScoreContribution } from './types';

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/**
 * The score of a person on `asOf` (ISO date), explained: one contribution per displayed record,
 * oldest decision first, and `score = base + sum(breakdown.points)` exactly. Records of one case
 * count once (sameCaseCounted): the others keep their line with 0 points and a reason naming the
 * record that counts. Good-conduct points count up to the yearly cap per calendar year of
 * decision, and each item up to its own yearly cap where the rules give one, in decision order;
 * a record beyond a cap keeps its line with the reduced points and a reason naming the cap.
 */
export function computeScore(
  records: readonly CreditRecordData[],
  rules: CreditRules,
  asOf: string,
): CreditScore {
  const shown = displayedRecords(records, rules.catalog, asOf).reverse();
  const sameCase = sameCaseCounted(shown, ({ item }) => itemPoints(item, rules));
  const goodByYear = new Map<string, number>();
  const goodByItemYear = new Map<string, number>();
  const breakdown: ScoreContribution[] = shown.map(({ record, item }) => {
    const points = itemPoints(item, rules);
    const label = `${item.name} (${item.code}, ${item.category}, decided ${record.decidedAt})`;
    const countedInstead = sameCase.get(record.id);
    if (countedInstead !== undefined) {
      return {
        recordId: record.id,
        catalogCode: item.code,
        points: 0,
        reason:
          `${label}: 0, same case as ${countedInstead.item.name} (${countedInstead.record.id}), ` +
          'which counts once for the case',
      };
    }
    if (item.category !== 'GOOD') {
      return {
        recordId: record.id,
        catalogCode: item.code,
        points,
        reason: `${label}: ${signed(points)}`,
      };
    }
    const year = record.decidedAt.slice(0, 4);
    const used = goodByYear.get(year) ?? 0;
    const yearLeft = rules.goodConductCapPerYear - used;
    const itemCap = rules.goodConductItemCaps.get(item.code);
    const itemKey = `${year}:${item.code}`;
    const itemUsed = goodByItemYear.get(itemKey) ?? 0;
    const itemLeft = itemCap === undefined ? Infinity : itemCap - itemUsed;
    const allowed = Math.max(0, Math.min(points, yearLeft, itemLeft));
    goodByYear.set(year, used + allowed);
    goodByItemYear.set(itemKey, itemUsed + allowed);
    // Name the cap that bit: the item's own when it is the tighter one.
    const capText =
      itemCap !== undefined && itemLeft < yearLeft
        ? `${item.name} points for ${year} are capped at ${itemCap}`
        : `good-conduct points for ${year} are capped at ${rules.goodConductCapPerYear}`;
    const reason =
      allowed === points
        ? `${label}: ${signed(points)}`
        : `${label}: ${signed(points)} capped to ${signed(allowed)}, ${capText}`;
    return { recordId: record.id, catalogCode: item.code, points: allowed, reason };
  });
  const score = breakdown.reduce((sum, line) => sum + line.points, rules.base);
  return { score, breakdown };
}
