import { GraphQLError } from 'graphql';

/**
 * The error of a denied field (DESIGN §4), the same from a subgraph's shield and from the
 * gateway: the field resolves to null and this error carries exactly
 * `{ code: 'FORBIDDEN', ruleId, reason, field }` in its extensions (the gateway adds
 * `serviceName`, the subgraph that holds the field, as Apollo Gateway does for subgraph errors).
 */
export function forbiddenError(field: string, ruleId: string, reason: string): GraphQLError {
  return new GraphQLError(`Access to ${field} denied: ${reason}`, {
    extensions: { code: 'FORBIDDEN', ruleId, reason, field },
  });
}
