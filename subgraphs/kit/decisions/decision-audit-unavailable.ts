import { GraphQLError } from 'graphql';

/**
 * A decision write refused because its audit record could not be written (AUDIT_UNAVAILABLE):
 * the record is appended before the write commits, so nothing was written and a retry, once the
 * audit store is back, writes it.
 */
export class DecisionAuditUnavailable extends GraphQLError {
  constructor() {
    super(
      'The write could not be recorded in the audit log, so nothing was written. Retry later.',
      { extensions: { code: 'AUDIT_UNAVAILABLE' } },
    );
  }
}
