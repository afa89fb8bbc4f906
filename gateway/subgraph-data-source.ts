import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createLogger } from '../lib/log/create-logger';
import type { GatewayContext, SubgraphCall } from './gateway-context';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** `: <code> <message>` of a network error's cause (undici reports `fetch failed` itself), or ''. */
function describeCause(cause: unknown): string {
  if (typeof cause !== 'object' || cause === null) return '';
  const { code, message } = cause as { code?: unknown; message?: unknown };
  const parts = [code, message].filter((part) => typeof part === 'string' && part !== '');
  return parts.length > 0 ? `: ${parts.join(' ')}` : '';
}

/** Options of {@link SubgraphDataSource}. */
export interface SubgraphDataSourceOptions {
  /** Subgraph name as in the supergraph, e.g. `tax`. */
  name: string;
  /** URL the subgraph's GraphQL endpoint answers at. */
  url: string;
  /** Keep-alive fetcher shared by every subgraph of the gateway. */
  fetcher: RemoteGraphQLDataSource['fetcher'];
  /** Production mode keeps the cause of a failure (which names internal hosts) out of responses. */
  production: boolean;
  /** Extra headers per fetch (e.g. a signed internal context token); default none. */
  headers?: (
    context: GatewayContext,
    subgraph: string,
  ) => Record<string, string> | Promise<Record<string, string>>;
}

/**
 * Fetches from one subgraph: forwards the operation's request id and turns a failed fetch into an
 * error naming the subgraph (`SUBGRAPH_UNAVAILABLE`), so the client gets the other subgraphs' data
 * and knows which section is missing and why.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly options: SubgraphDataSourceOptions;
  /** Open fetches by the request's `http` object, to time them for the audit record. */
  private readonly calls = new WeakMap<object, SubgraphCall>();

  override didReceiveResponse<TResult>(
    requestContext: Parameters<
      NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>
    >[0],
  ): TResult {
    this.settle(requestContext.request, 'ok');
    return requestContext.response as TResult;
  }

  private settle(request: object, outcome: 'ok' | 'error', error?: string): void {
    // Apollo answers with a copy of the request (`{ query, ...rest }`); its `http` is the same
    // object as in willSendRequest, so that is the key.
    const http = (request as { http?: object }).http;
    const call = http ? this.calls.get(http) : undefined;
    if (!call || call.outcome !== 'pending') return;
    call.outcome = outcome;
    call.latencyMs = Math.round(performance.now() - call.startedAt);
    // Keep only the code-like head of the message: the record must not carry person data.
    if (error) call.error = error.slice(0, 120);
  }

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.options = options;
  }

  override async willSendRequest(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<void> {
    // Health checks and schema loading carry no operation; the gateway does neither (static supergraph).
    if (!('incomingRequestContext' in options)) return;
    const http = options.request.http;
    if (!http) return;
    const headers = http.headers;
    headers.set('x-request-id', options.context.requestId);
    const call: SubgraphCall = {
      subgraph: this.options.name,
      startedAt: performance.now(),
      outcome: 'pending',
    };
    (options.context.subgraphCalls ??= []).push(call);
    this.calls.set(options.request.http ?? options.request, call);
    const extra = (await this.options.headers?.(options.context, this.options.name)) ?? {};
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const { name, production } = this.options;
    const status = response.status;
    const body = await this.parseBody(response).catch(() => undefined);
    const errors =
      typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)
        ? (body.errors as { message?: unknown; extensions?: { code?: unknown } }[])
        : [];
    // The subgraph could not write its resolver log: the gateway's own record will not wait a
    // second full audit timeout for the same store (see audit-timeout-budget.ts).
    const auditUnavailable = errors.some((error) => error.extensions?.code === 'AUDIT_UNAVAILABLE');
    const subgraphErrors = production ? [] : errors.map((error) => String(error.message));
    return new GraphQLError(`Subgraph "${name}" answered HTTP ${status}`, {
      extensions: {
        code: status >= 500 ? 'SUBGRAPH_UNAVAILABLE' : 'SUBGRAPH_REQUEST_FAILED',
        serviceName: name,
        subgraph: name,
        httpStatus: status,
        ...(auditUnavailable ? { subgraphCode: 'AUDIT_UNAVAILABLE' } : {}),
        ...(subgraphErrors.length > 0 ? { subgraphErrors } : {}),
      },
    });
  }

  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    _fetchResponse?: unknown,
    context?: GatewayContext,
    request?: object,
  ): void {
    const { name, production } = this.options;
    const audit =
      error instanceof GraphQLError && error.extensions.subgraphCode === 'AUDIT_UNAVAILABLE';
    if (request) this.settle(request, 'error', audit ? 'AUDIT_UNAVAILABLE' : error.message);
    if (error instanceof GraphQLError && error.extensions.subgraph === name) throw error;
    // The cause names the subgraph's host and port: logged for operators, shown only in development.
    createLogger({ service: 'gateway' }).warn(
      { subgraph: name, requestId: context?.requestId },
      `subgraph ${name} unavailable: ${error.message}${describeCause(error.cause)}`,
    );
    throw new GraphQLError(`Subgraph "${name}" is unavailable`, {
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: name,
        subgraph: name,
        ...(production ? {} : { reason: `${error.message}${describeCause(error.cause)}` }),
      },
    });
  }
}
