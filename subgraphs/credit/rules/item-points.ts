import type { CatalogItem, CreditRules } from './types';

/** Points of a catalog item: its own, or its category's default from the scoring rules. */
export function itemPoints(
  item: Pick<CatalogItem, 'points' | 'category'>,
  rules: Pick<CreditRules, 'categoryPoints'>,
): number {
  return item.points ?? rules.categoryPoints[item.category];
}
