import { trace } from '@opentelemetry/api';

/** Adds attributes (request id, operation) to the active span, if one records. */
export function annotateSpan(attributes: Record<string, string | number | boolean>): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
