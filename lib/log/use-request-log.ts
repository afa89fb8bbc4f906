import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import type { Caller } from '../auth/caller';
import { annotateSpan } from '../tracing/annotate-span';

/** What the log reads of a request's context (gateway and subgraph contexts both have it). */
interface LoggedContext extends BaseContext {
  requestId?: string;
  caller?: Caller;
}

/** Operation names are client-supplied: only a bounded, plain form reaches the log. */
function operationOf(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  return /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name) ? name : '(invalid name)';
}

/**
 * One JSON log line per GraphQL request: request id, operation, duration, error codes, and who
 * asked only as client type, department and purpose. Never a user id, a person id, a case ref,
 * variables or data: the log is read by operators, not auditors (the audit log has the rest).
 */
export function useRequestLog(log: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ contextValue }) {
      const began = performance.now();
      const { requestId } = contextValue as LoggedContext;
      if (requestId !== undefined) annotateSpan({ 'cf.request_id': requestId });
      return {
        async willSendResponse({ request, operationName, response, contextValue: context }) {
          const caller = (context as LoggedContext).caller;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = [
            ...new Set((body?.errors ?? []).map((error) => String(error.extensions?.code ?? ''))),
          ].filter((code) => code !== '');
          log.info(
            {
              requestId,
              operation: operationOf(operationName ?? request.operationName),
              status: response.http.status ?? 200,
              durationMs: Math.round((performance.now() - began) * 10) / 10,
              clientType: caller?.clientType,
              dept: caller?.dept,
              purpose: caller?.purpose,
              ...(codes.length > 0 && { errors: codes }),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
