import type { CreditCategory } from '../rules/types';
import type { ListStatus, MatterType, MeasuresCatalog, SelectedMeasure } from './types';

/**
 * The measures that apply to a person for `matter`: those of the entries for the person's list
 * and for each category of their displayed records, in catalog order, each code once. Incentive
 * measures only when `incentivesAllowed` (an ELIGIBLE standing: nothing stale, no register flag,
 * no bad record), so a reward never goes to someone the platform cannot vouch for.
 */
export function selectMeasures(
  catalog: Pick<MeasuresCatalog, 'entries'>,
  matter: MatterType,
  list: ListStatus,
  categories: ReadonlySet<CreditCategory>,
  incentivesAllowed: boolean,
): SelectedMeasure[] {
  const selected: SelectedMeasure[] = [];
  const seen = new Set<string>();
  for (const entry of catalog.entries) {
    if (entry.matter !== matter) continue;
    const trigger = 'list' in entry.trigger ? entry.trigger.list : entry.trigger.category;
    const applies =
      'list' in entry.trigger
        ? entry.trigger.list === list
        : categories.has(entry.trigger.category);
    if (!applies) continue;
    for (const measure of entry.measures) {
      if (seen.has(measure.code)) continue;
      if (measure.kind === 'INCENTIVE' && !incentivesAllowed) continue;
      seen.add(measure.code);
      selected.push({ ...measure, trigger });
    }
  }
  return selected;
}
