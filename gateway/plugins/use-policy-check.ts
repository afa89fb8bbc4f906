import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ClientType } from '../../lib/auth/caller';
import { PURPOSES } from '../../lib/auth/caller';
import type { Policy } from '../../lib/policy/types';
import { analyzeOperation } from '../access/analyze-operation';
import { decideOperation } from '../access/decide-operation';
import type { OperationAnalysis } from '../access/operation-analysis';
import { operationRefusedError } from '../access/operation-refused-error';
import { allowedPurposes } from '../auth/read-purpose';
import type { GatewayContext } from '../gateway-context';

/** Client types that must declare a purpose before reading person data (DESIGN §3). */
const PURPOSE_REQUIRED: readonly ClientType[] = ['officer', 'system', 'org', 'developer'];

/**
 * Completes what the decision rests on before it is made (whose data the ids name, the
 * subjects' consents), returning errors to add to the response; it must not throw.
 */
export type AccessPreparation = (
  context: GatewayContext,
  analysis: OperationAnalysis,
) => Promise<readonly GraphQLError[]>;

/** Options of {@link usePolicyCheck}. */
export interface PolicyCheckOptions {
  policy: Policy;
  /** Introspection for every client (development mode); otherwise `developer` clients only. */
  openIntrospection: boolean;
  /**
   * Runs between the walk of the operation and the decision, in the same hook (Apollo runs the
   * plugins' hooks concurrently, so a separate plugin could not be relied on to finish first);
   * default none.
   */
  prepare?: AccessPreparation;
  /** Clock for consent expiry; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * Decides the operation against the policy before the gateway plans it, once: one walk of the
 * operation (analyzeOperation) yields every field with its subject, `prepare` resolves what the
 * subjects rest on, and decideOperation decides each field; the result is kept on the context
 * (`access`) for the executor, which removes denied fields before planning and enforces the
 * answer (gateway/access), and for the audit record. Refuses introspection to non-developers,
 * person data without a declared purpose, and (with `X-Authz-Mode: reject`) any operation with
 * a denied field.
 */
export function usePolicyCheck(options: PolicyCheckOptions): ApolloServerPlugin<GatewayContext> {
  const now = options.now ?? (() => new Date());
  return {
    async requestDidStart() {
      let notices: readonly GraphQLError[] = [];
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          if (!contextValue.caller) throw new Error('policy check before authentication');
          const analysis = analyzeOperation({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables ?? {},
            caller: contextValue.caller,
          });
          const identity = contextValue.caller;
          if (
            analysis.introspection &&
            !options.openIntrospection &&
            identity.clientType !== 'developer'
          ) {
            throw new GraphQLError('Introspection is only available to developer clients.', {
              extensions: { code: 'FORBIDDEN', ruleId: 'introspection', http: { status: 403 } },
            });
          }
          if (
            analysis.touchesPersonData &&
            identity.purpose === undefined &&
            PURPOSE_REQUIRED.includes(identity.clientType)
          ) {
            const allowed = allowedPurposes(identity.clientType);
            throw new GraphQLError(
              `X-Purpose is required to read person data. Allowed values: ${allowed
                .map((purpose) => `${purpose} (${PURPOSES[purpose]})`)
                .join(', ')}.`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  header: 'X-Purpose',
                  allowed,
                  http: { status: 400 },
                },
              },
            );
          }
          // Only now what the decision rests on is looked up: a refused request costs no lookup.
          if (options.prepare) notices = await options.prepare(contextValue, analysis);
          const access = decideOperation(analysis, contextValue.caller, options.policy, now());
          contextValue.access = access;
          if (contextValue.authzMode === 'reject' && access.record.denied.length > 0) {
            throw operationRefusedError(access.record.denied);
          }
        },
        async willSendResponse({ response }) {
          if (notices.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...notices.map((notice) => notice.toJSON())];
        },
      };
    },
  };
}
