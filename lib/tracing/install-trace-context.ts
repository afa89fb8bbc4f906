import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

let installed = false;

/**
 * Makes W3C trace context (`traceparent`, `tracestate`) flow through this process: extracted from
 * each request, kept across awaits, injected into each subgraph fetch. Without an exporter
 * (startTracing) no span is recorded, but an incoming trace still continues to the subgraphs, so
 * a caller's or proxy's trace id reaches every service. Idempotent; every service calls it.
 */
export function installTraceContext(): void {
  if (installed) return;
  installed = true;
  const manager = new AsyncLocalStorageContextManager();
  manager.enable();
  context.setGlobalContextManager(manager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}
