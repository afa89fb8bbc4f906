import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';

/**
 * Echoes the operation's request id in the `x-request-id` response header, so a client can quote
 * it and operators can find the same operation in every subgraph's log and the audit trail.
 */
export function useRequestId(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}
