import { context, propagation } from '@opentelemetry/api';

/**
 * The W3C trace context headers (`traceparent`, `tracestate`) of the active span, for an outgoing
 * request: the gateway adds them to every subgraph fetch. Empty when no trace is active.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}
