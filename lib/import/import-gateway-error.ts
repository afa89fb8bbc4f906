/**
 * The gateway refused or could not be reached (credentials, policy, network, server error): the
 * import stops; rows sent before were written, and importing the file again is safe.
 */
export class ImportGatewayError extends Error {
  constructor(
    message: string,
    /** HTTP status, when the gateway answered. */
    readonly status?: number,
    /** The GraphQL error code (FORBIDDEN, UNAUTHENTICATED, ...), when there was one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ImportGatewayError';
  }
}
