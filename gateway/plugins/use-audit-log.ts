import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { Kind } from 'graphql';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import type { OperationAuditRecord, OperationResult } from '../../lib/audit/audit-record';
import { failClosedResponse } from '../../lib/audit/fail-closed-response';
import type { GatewayContext } from '../gateway-context';
import { operationSubjects } from '../security/operation-subjects';

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
        async willSendResponse({ contextValue, response, request, document, source }) {
          const caller = contextValue.caller;
          if (!caller) return; // refused before authentication: no GraphQL ran, nothing returned
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = body?.errors ?? [];
          const precheck = contextValue.precheck;
          const forbidden = errors
            .filter((error) => error.extensions?.code === 'FORBIDDEN')
            .map((error) =>
              String(error.extensions?.field ?? error.extensions?.ruleId ?? 'operation'),
            );
          const denied = [
            ...new Set([...(precheck?.denied.map((d) => d.field) ?? []), ...forbidden]),
          ];
          const masked = [...new Set(precheck?.masked.map((m) => m.field) ?? [])];
          const returned = (precheck?.returned ?? []).filter((field) => !denied.includes(field));
          // The pre-check's rule per field, plus what a subgraph's shield refused beyond it.
          const rules = [...(precheck?.rules ?? [])];
          for (const error of errors) {
            const { code, field, ruleId } = error.extensions ?? {};
            if (code !== 'FORBIDDEN' || typeof field !== 'string' || typeof ruleId !== 'string') {
              continue;
            }
            if (!rules.some((rule) => rule.field === field && rule.ruleId === ruleId)) {
              rules.push({ field, outcome: 'denied', ruleId });
            }
          }
          const hasData = body?.data !== undefined && body.data !== null;
          const otherErrors = errors.some((error) => error.extensions?.code !== 'FORBIDDEN');
          const result: OperationResult = !hasData
            ? forbidden.length > 0
              ? 'denied'
              : 'error'
            : denied.length > 0 || masked.length > 0 || otherErrors
              ? 'partial'
              : 'allowed';
          const persistedHash = (
            request.extensions?.persistedQuery as { sha256Hash?: string } | undefined
          )?.sha256Hash;
          const record: OperationAuditRecord = {
            kind: 'operation',
            requestId: contextValue.requestId,
            caller,
            operationName: operationName(document, request.operationName),
            documentHash:
              persistedHash ??
              createHash('sha256')
                .update(source ?? '')
                .digest('hex'),
            subjects: document ? operationSubjects(document, request.variables ?? {}) : [],
            fields: { returned, masked, denied, rules },
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
            await options.writer.append(record);
          } catch {
            failClosedResponse(response);
          }
        },
      };
    },
  };
}
