import type { CreditRules } from '../rules/types';
import type { MeasuresCatalog } from './types';

/**
 * Refuses a measures catalog that could contradict the green channel of the same rules, before the
 * service starts (every problem at once):
 * - a DISCIPLINE measure must be triggered by a list the green channel excludes or a category it
 *   counts as bad, so an ELIGIBLE person is never told to be punished;
 * - an INCENTIVE measure must be triggered by a list that is kept off by every bad category, so
 *   only a person with no displayed bad record is ever rewarded (and the standing also withholds
 *   incentives unless the green channel is ELIGIBLE: measures/select-measures.ts).
 */
export function checkMeasuresAgainstRules(catalog: MeasuresCatalog, rules: CreditRules): void {
  const { excludedLists, badCategories } = rules.greenChannel;
  const problems: string[] = [];
  catalog.entries.forEach((entry, index) => {
    const where = `entries[${index}]`;
    const trigger = 'list' in entry.trigger ? entry.trigger.list : entry.trigger.category;
    for (const measure of entry.measures) {
      if (measure.kind === 'DISCIPLINE') {
        const excluded =
          'list' in entry.trigger
            ? excludedLists.includes(entry.trigger.list)
            : badCategories.includes(entry.trigger.category);
        if (!excluded) {
          problems.push(
            `${where} ${measure.code}: DISCIPLINE for ${trigger}, which the green channel does ` +
              'not exclude (greenChannel.excludedLists / badCategories)',
          );
        }
      } else {
        const listRule =
          'list' in entry.trigger
            ? rules.lists.find(
                (rule) => 'list' in entry.trigger && rule.list === entry.trigger.list,
              )
            : undefined;
        const keptOff =
          listRule !== undefined &&
          !excludedLists.includes(listRule.list) &&
          badCategories.every((category) => listRule.unlessDisplayed.includes(category));
        if (!keptOff) {
          problems.push(
            `${where} ${measure.code}: INCENTIVE for ${trigger}, which a displayed bad record ` +
              'does not rule out (it must be a list whose unlessDisplayed holds every bad category)',
          );
        }
      }
    }
  });
  if (problems.length > 0) {
    throw new Error(
      `policy/measures.yaml contradicts the green channel of policy/credit-rules.yaml:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}
