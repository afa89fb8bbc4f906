import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';
import { enforceResult } from './enforce-result';
import type { GatewayResult } from './enforce-result';
import { fieldOwners } from './field-owners';
import { filterOperation } from './filter-operation';
import { createFilteredHashes } from './filtered-hashes';
import { operationRefusedError } from './operation-refused-error';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/**
 * Makes the gateway an enforcement point of its own (a subgraph that enforced nothing would still
 * leak nothing): wraps a gateway so that every operation is executed as the policy check decided
 * it (`context.access`, set before planning): denied fields removed from the operation before
 * the query planner sees it, the answer completed with their FORBIDDEN errors, masks applied and
 * per-object decisions made (enforce-result.ts). An operation without a decision is refused:
 * fail closed. A filtered document is printed and hashed (its plan cache key) once per distinct
 * filtered document, not per request.
 */
export function enforceAccess(inner: GatewayInterface, supergraphSdl: string): GatewayInterface {
  const owners = fieldOwners(supergraphSdl);
  const hashes = createFilteredHashes();
  const execute = async (
    executor: GatewayExecutor,
    requestContext: GatewayRequestContext,
  ): Promise<GatewayResult> => {
    const context = requestContext.context as GatewayContext;
    const access = context.access;
    if (!access) throw new Error('no access decision for this operation: refusing to execute it');
    const { document, queryHash } = requestContext;
    const filtered = filterOperation(
      access,
      queryHash === undefined ? undefined : { document, queryHash, hashes },
    );
    const result: GatewayResult = !filtered
      ? await executor(requestContext)
      : filtered.document
        ? await executor({
            ...requestContext,
            document: filtered.document,
            queryHash: filtered.queryHash,
          })
        : { data: {} };
    const denialsBefore = access.record.denied.length;
    const enforced = enforceResult(result, { access, filtered, owners });
    if (context.authzMode === 'reject' && access.record.denied.length > denialsBefore) {
      // A field whose subject only the answer told was denied: the whole operation is refused.
      const status = requestContext.response?.http;
      if (status) status.status = 403;
      return { errors: [operationRefusedError(access.record.denied)] };
    }
    return enforced;
  };
  return {
    async load(options) {
      const { executor } = await inner.load(options);
      return {
        executor: executor && ((requestContext) => execute(executor, requestContext)),
      };
    },
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    stop: () => inner.stop(),
  };
}
