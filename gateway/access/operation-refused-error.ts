import { GraphQLError } from 'graphql';
import type { AccessDenial } from './access-record';

/**
 * The whole operation refused (`X-Authz-Mode: reject`): every field asked and not granted, the
 * ones below a denied field included, with path, rule and reason; HTTP 403.
 */
export function operationRefusedError(denied: readonly AccessDenial[]): GraphQLError {
  return new GraphQLError(
    `Operation refused: ${denied.length} field(s) are not granted to this caller for this purpose (${denied
      .map((denial) => denial.field)
      .join(', ')}).`,
    { extensions: { code: 'FORBIDDEN', denied, http: { status: 403 } } },
  );
}
