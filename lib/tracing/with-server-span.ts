import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, propagation, trace } from '@opentelemetry/api';

/** The tracer of every span this project makes itself. */
const TRACER = 'credit-federation';

/**
 * Runs `handle` inside a SERVER span continuing the request's W3C trace context (`traceparent`),
 * so everything it does (Apollo's gateway spans, subgraph fetches) belongs to the caller's trace.
 * A no-op span when tracing is off (startTracing), which still carries the incoming context on.
 */
export function withServerSpan(
  service: string,
  route: string,
  req: IncomingMessage,
  res: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const tracer = trace.getTracer(TRACER);
  return tracer.startActiveSpan(
    `${service} ${req.method ?? 'GET'} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'cf.service': service,
        'http.request.method': req.method ?? 'GET',
        'http.route': route,
      },
    },
    parent,
    async (span) => {
      res.once('finish', () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      res.once('close', () => {
        if (!res.writableFinished) span.end();
      });
      await handle();
    },
  );
}
