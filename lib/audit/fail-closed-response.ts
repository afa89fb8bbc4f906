import type { GraphQLResponse } from '@apollo/server';

/**
 * Replaces a response whose audit record could not be written: no data leaves, the client learns
 * why (HTTP 503, code AUDIT_UNAVAILABLE) and may retry once the audit store is back.
 */
export function failClosedResponse(response: GraphQLResponse): void {
  response.http.status = 503;
  const error = {
    message:
      'The access could not be recorded in the audit log, so no data is returned. Retry later.',
    extensions: { code: 'AUDIT_UNAVAILABLE' },
  };
  if (response.body.kind === 'single') {
    response.body.singleResult.data = null;
    response.body.singleResult.errors = [error];
    delete response.body.singleResult.extensions;
  } else {
    // Incremental delivery is not enabled; refuse rather than stream unrecorded data.
    response.body = { kind: 'single', singleResult: { data: null, errors: [error] } };
  }
}
