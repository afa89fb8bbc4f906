import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServiceMetrics } from './service-metrics';

/** Options of {@link useOperationMetrics}. */
export interface OperationMetricsOptions {
  /**
   * Maps the operation name before it is labelled; default unchanged. Subgraphs strip the
   * gateway's `__<subgraph>__<n>` suffix so a client operation keeps one name everywhere.
   */
  operationName?: (name: string) => string;
}

/**
 * Counts every GraphQL request that reached Apollo (by bounded operation name), its latency and
 * the codes of the errors in its response. Requests refused before GraphQL (401, 413) are counted
 * by the HTTP server's observer instead.
 */
export function useOperationMetrics(
  metrics: ServiceMetrics,
  options: OperationMetricsOptions = {},
): ApolloServerPlugin<BaseContext> {
  const rename = options.operationName ?? ((name: string) => name);
  return {
    async requestDidStart() {
      const began = performance.now();
      return {
        async willSendResponse({ request, operationName, response }) {
          const name = operationName ?? request.operationName ?? null;
          const operation = metrics.operationLabel(name === null ? null : rename(name));
          metrics.operations.inc({ operation });
          metrics.operationDuration.observe({ operation }, (performance.now() - began) / 1000);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          for (const error of body?.errors ?? []) {
            const code = error.extensions?.code;
            metrics.errors.inc({ code: metrics.errorCodeLabel(String(code ?? 'NONE')) });
          }
        },
      };
    },
  };
}
