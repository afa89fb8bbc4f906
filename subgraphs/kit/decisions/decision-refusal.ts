import { GraphQLError } from 'graphql';
import type { FieldProblem } from './decision-values';

/**
 * A decision write refused for its content (BAD_USER_INPUT): every problem names its field. The
 * message lists them, so a clerk reading only the message knows what to fix.
 */
export class DecisionRefusal extends GraphQLError {
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[]) {
    const text = problems
      .map((p) => (p.field === null ? p.reason : `${p.field}: ${p.reason}`))
      .join('; ');
    super(`Invalid decision: ${text}`, {
      extensions: {
        code: 'BAD_USER_INPUT',
        field: problems[0]?.field ?? null,
        problems: problems.map((p) => ({ field: p.field, reason: p.reason })),
      },
    });
    this.problems = problems;
  }
}
