import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { installTraceContext } from './install-trace-context';

/** Options of {@link startTracing}. */
export interface StartTracingOptions {
  /** `service.name` of the spans (`credit-federation` embedded, the service's name alone). */
  serviceName: string;
  /** Environment read for the OTLP settings; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Export to this exporter, each span as it ends (tests: an InMemorySpanExporter); default: OTLP
   * over HTTP when configured by the environment, else nothing.
   */
  exporter?: SpanExporter;
}

/** Recording spans, and how to flush and stop. */
export interface Tracing {
  /** Exports what is pending and stops recording. */
  shutdown(): Promise<void>;
}

/** Whether the environment asks for OTLP export (the standard OpenTelemetry variables). */
function otlpConfigured(env: NodeJS.ProcessEnv): boolean {
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (exporter === 'none') return false;
  if (exporter === 'otlp') return true;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim(),
  );
}

/**
 * Starts recording spans when an exporter is given or the environment configures OTLP
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, http/protobuf, headers
 * from `OTEL_EXPORTER_OTLP_HEADERS`; `OTEL_TRACES_EXPORTER=none` turns it off). Off by default:
 * returns undefined and records nothing. Spans: one per HTTP request of every service, the
 * gateway's plan/fetch spans (@apollo/gateway), all in one trace per operation.
 */
export function startTracing(options: StartTracingOptions): Tracing | undefined {
  const env = options.env ?? process.env;
  if (!options.exporter && !otlpConfigured(env)) return undefined;
  installTraceContext();
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : // OTLPTraceExporter reads its endpoint, headers and timeout from the environment itself.
      new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
