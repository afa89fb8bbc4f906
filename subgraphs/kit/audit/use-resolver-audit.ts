import type { ApolloServerPlugin } from '@apollo/server';
import type { AuditWriter } from '../../../lib/audit/audit-writer';
import { failClosedResponse } from '../../../lib/audit/fail-closed-response';
import type { BaseSubgraphContext } from '../subgraph-module';

/** Options of {@link useResolverAudit}. */
export interface ResolverAuditOptions {
  /** This subgraph's chain (writer name = subgraph name). */
  writer: AuditWriter;
  /** Version of the policy the shield enforced. */
  policyVersion: string;
  /** Whether no other request of this subgraph is in flight; default never (see AppendOptions.alone). */
  alone?: () => boolean;
}

/**
 * Appends the subgraph's resolver log (which fields of which persons it resolved, masked or
 * refused, for which request id) before the response leaves; if the append fails, the response
 * carries no data (fail closed).
 */
export function useResolverAudit(
  options: ResolverAuditOptions,
): ApolloServerPlugin<BaseSubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const log = contextValue.resolverLog;
          if (log.subjectCount === 0) return;
          try {
            await options.writer.append(
              log.toRecord({
                requestId: contextValue.requestId,
                caller: contextValue.caller,
                policyVersion: options.policyVersion,
              }),
              { alone: options.alone?.() ?? false },
            );
          } catch {
            failClosedResponse(response);
          }
        },
      };
    },
  };
}
