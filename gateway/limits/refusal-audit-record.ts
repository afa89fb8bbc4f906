import type { OperationAuditRecord } from '../../lib/audit/audit-record';
import type { GatewayContext } from '../gateway-context';
import type { GateRefusal } from './request-gate';

/**
 * The audit record of an operation the request gate refused before any GraphQL ran: who tried,
 * what (the document's hash, a valid operation name) and which code refused it; no subjects or
 * fields, since nothing was read. Its size is bounded whatever the request held (the caller's
 * claims are the identity provider's; operation name and hash are checked).
 */
export function refusalAuditRecord(
  context: GatewayContext,
  refusal: GateRefusal,
  policyVersion: string,
): OperationAuditRecord | undefined {
  if (!context.caller) return undefined;
  return {
    kind: 'operation',
    requestId: context.requestId,
    caller: context.caller,
    operationName: refusal.operationName,
    documentHash: refusal.documentHash,
    subjects: [],
    fields: { returned: [], masked: [], denied: [] },
    subgraphs: [],
    policyVersion,
    latencyMs: refusal.latencyMs,
    result: 'denied',
    error: refusal.code,
  };
}
