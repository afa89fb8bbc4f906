import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';
import type { GatewayMetrics } from './gateway-metrics';

/**
 * Records what only the gateway sees of an operation: each subgraph fetch's latency and outcome,
 * and each field its policy decision refused (before planning or on the answer), by rule id.
 */
export function useGatewayMetrics(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          for (const call of contextValue.subgraphCalls ?? []) {
            if (call.latencyMs === undefined) continue;
            metrics.subgraphFetchDuration.observe(
              { subgraph: call.subgraph, outcome: call.outcome === 'ok' ? 'ok' : 'error' },
              call.latencyMs / 1000,
            );
          }
          for (const denial of contextValue.access?.record.denied ?? []) {
            metrics.deniedFields.inc({ rule: denial.ruleId });
          }
        },
      };
    },
  };
}
