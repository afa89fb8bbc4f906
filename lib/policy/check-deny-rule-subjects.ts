import { REFERENCE_ARGUMENTS, REFERENCE_TELLS } from '../subjects/subject-reference';
import type { PolicyProblems } from './policy-problems';
import type { PolicyRule } from './types';

/**
 * A deny rule applies only when the subject tells its condition holds (or the id named nothing).
 * So it may name only root fields whose argument names data by id of a kind that tells what the
 * condition compares: the person for `another-person`, the department for `another-dept`. Any
 * other field would leave the rule without data, never applying: refused at load.
 */
export function checkDenyRuleSubjects(
  problems: PolicyProblems,
  rules: readonly PolicyRule[],
): void {
  for (const rule of rules) {
    if (rule.effect.kind !== 'deny') continue;
    const needs = rule.when.subject === 'another-person' ? 'person' : 'dept';
    for (const key of rule.fields) {
      const reference = REFERENCE_ARGUMENTS.get(key);
      if (reference && REFERENCE_TELLS[reference.kind].includes(needs)) continue;
      const fitting = [...REFERENCE_ARGUMENTS]
        .filter(([, argument]) => REFERENCE_TELLS[argument.kind].includes(needs))
        .map(([field]) => field);
      problems.add(
        `rules[${rule.order}] (${rule.id}).fields`,
        `${key}: subject ${rule.when.subject} needs a field whose argument names data telling ` +
          `its ${needs === 'person' ? 'person' : 'department'} (one of ${fitting.join(', ')})`,
      );
    }
  }
}
