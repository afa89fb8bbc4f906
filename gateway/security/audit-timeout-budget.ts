import type { AuditWriter } from '../../lib/audit/audit-writer';

/**
 * The gateway's audit writer for one timeout per request: when a subgraph of the operation already
 * answered AUDIT_UNAVAILABLE (it waited its own full audit timeout for the store, and the gateway
 * and subgraphs share the audit store), the gateway's record waits at most `graceMs` more rather
 * than a second full timeout. A healthy store commits well within the grace, so the failed
 * attempt is still recorded when it can be.
 */
export function auditTimeoutBudget(writer: AuditWriter, graceMs: number): AuditWriter {
  return {
    writer: writer.writer,
    append(record, options) {
      const afterSubgraphFailure =
        record.kind === 'operation' &&
        record.subgraphs.some((call) => call.error === 'AUDIT_UNAVAILABLE');
      return writer.append(
        record,
        afterSubgraphFailure ? { ...options, timeoutMs: graceMs } : options,
      );
    },
    health: (timeoutMs) => writer.health(timeoutMs),
    pending: () => writer.pending(),
    observe: (listener) => writer.observe(listener),
    close: () => writer.close(),
  };
}
