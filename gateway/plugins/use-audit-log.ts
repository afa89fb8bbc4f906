import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { Kind } from 'graphql';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import type { OperationAuditRecord, OperationResult } from '../../lib/audit/audit-record';
import { failClosedResponse } from '../../lib/audit/fail-closed-response';
import type { GatewayContext } from '../gateway-context';

/** SHA-256 of the empty text: the document hash of a request that carried none. */
const EMPTY_DOCUMENT_HASH = createHash('sha256').update('').digest('hex');

/** Options of {@link useAuditLog}. */
export interface AuditLogOptions {
  /** The gateway's chain (writer name `gateway`). */
  writer: AuditWriter;
  /** Version (content hash) of the policy in force. */
  policyVersion: string;
}

function operationName(
  document: DocumentNode | undefined,
  given: string | undefined,
): string | null {
  if (given) return given;
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? null) : null;
}

/**
 * Writes one audit record per operation (DESIGN §5): who, for what, which persons, which fields
 * came back in clear, masked or denied, how each subgraph answered, the policy version and the
 * latency. The record is committed (group commit) before the response leaves; if it cannot be,
 * the response carries no data (fail closed), and service resumes when the store is back.
 */
export function useAuditLog(options: AuditLogOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse({ contextValue, response, request, document, queryHash }) {
          const caller = contextValue.caller;
          if (!caller) return; // refused before authentication: no GraphQL ran, nothing returned
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = body?.errors ?? [];
          const access = contextValue.access;
          const forbidden = errors.filter((error) => error.extensions?.code === 'FORBIDDEN');
          const hasData = body?.data !== undefined && body.data !== null;
          // The one decision path's record: what the gateway decided before planning and while
          // it enforced the answer, each field with its rule. Without data nothing was returned.
          const decided = access?.record.outcomes();
          const fields = {
            returned: hasData ? (decided?.returned ?? []) : [],
            masked: hasData ? (decided?.masked ?? []) : [],
            denied: [...(decided?.denied ?? [])],
            rules: (decided?.rules ?? []).filter((rule) => hasData || rule.outcome === 'denied'),
          };
          // A subgraph's shield can refuse more than the gateway asked for (an entity key its
          // query plan fetched): what the client did not get is recorded too, with that rule.
          for (const error of forbidden) {
            const { field, ruleId } = error.extensions ?? {};
            if (typeof field !== 'string' || typeof ruleId !== 'string') continue;
            if (fields.rules.some((rule) => rule.field === field && rule.ruleId === ruleId)) {
              continue;
            }
            fields.rules.push({ field, outcome: 'denied', ruleId });
            if (!fields.denied.includes(field)) fields.denied.push(field);
          }
          const otherErrors = errors.some((error) => error.extensions?.code !== 'FORBIDDEN');
          const result: OperationResult = !hasData
            ? forbidden.length > 0
              ? 'denied'
              : 'error'
            : fields.denied.length > 0 || fields.masked.length > 0 || otherErrors
              ? 'partial'
              : 'allowed';
          const record: OperationAuditRecord = {
            kind: 'operation',
            requestId: contextValue.requestId,
            caller,
            operationName: operationName(document, request.operationName),
            // Apollo hashed the text (or took the persisted hash) once for its document cache.
            documentHash: queryHash ?? EMPTY_DOCUMENT_HASH,
            subjects: access?.subjects ?? [],
            fields,
            subgraphs: (contextValue.subgraphCalls ?? []).map((call) => ({
              subgraph: call.subgraph,
              outcome: call.outcome === 'pending' ? 'error' : call.outcome,
              ...(call.latencyMs !== undefined && { latencyMs: call.latencyMs }),
              ...(call.error !== undefined && { error: call.error }),
            })),
            policyVersion: options.policyVersion,
            latencyMs: Math.round(performance.now() - startedAt),
            result,
            ...(result === 'error' || result === 'denied'
              ? { error: String(errors[0]?.extensions?.code ?? 'ERROR') }
              : {}),
          };
          try {
            await options.writer.append(record, { alone: contextValue.alone?.() ?? false });
          } catch {
            failClosedResponse(response);
          }
        },
      };
    },
  };
}
