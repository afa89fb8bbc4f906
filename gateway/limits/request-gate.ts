import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { ClientType } from '../../lib/auth/caller';
import type { GraphQLHttpRequest } from '../../lib/http/apollo-http-server';
import { HttpError } from '../../lib/http/http-error';
import type { GatewayContext } from '../gateway-context';
import type { TrustedDocument } from '../operations/load-trusted-documents';
import { checkOperation } from './check-operation';
import { clientAddress } from './client-address';
import { clientText } from './client-text';
import { findUnsafeValue } from './find-unsafe-value';
import { limitRefusal } from './limit-refusal';
import type { LimitsConfig } from './limits-config';
import { limitsForClientType } from './limits-for-client-type';
import type { RateLimiter, RateLimitKey } from './rate-limiter';
import { createRefusalCounter } from './refusal-counter';
import type { RefusalCounter } from './refusal-counter';
import { trustedDocumentIndex } from './trusted-document-index';

/** A refusal after authentication, for the audit record (nothing the client sent, unchecked). */
export interface GateRefusal {
  code: string;
  /** The operation name when it was a valid one, else null. */
  operationName: string | null;
  /** sha256 of the document text sent, or the valid persisted-query hash. */
  documentHash: string;
  latencyMs: number;
}

/** Options of {@link createRequestGate}. */
export interface RequestGateOptions {
  config: LimitsConfig;
  rateLimiter: RateLimiter;
  trustedDocuments: readonly TrustedDocument[];
  /**
   * Records a refusal in the audit log (every refusal after authentication except 429: a flood of
   * those must not flood the log); default none. A failure to record does not change the answer.
   */
  audit?: (context: GatewayContext, refusal: GateRefusal) => Promise<void>;
}

/** The checks every GraphQL request passes after authentication and before Apollo Server. */
export interface RequestGate {
  /** The API schema, once the supergraph is loaded (cost and depth need its types). */
  setSchema(schema: GraphQLSchema): void;
  /**
   * Refuses the request (throws HttpError: 429, 400, 403) or lets it through, after rewriting a
   * trusted document's id into its hash. Sets nothing on the context but `limits`.
   */
  admit(req: IncomingMessage, request: GraphQLHttpRequest, context: GatewayContext): Promise<void>;
  /** Refusals so far, and a hook for metrics. */
  readonly refusals: RefusalCounter;
}

/** The GraphQL parameters of a request, unchecked, as Apollo Server will read them. */
interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text; // Apollo Server refuses it with its own message
  }
}

/** The parameters, or undefined when Apollo Server refuses the request's shape anyway. */
function paramsOf(request: GraphQLHttpRequest): GraphQLParams | 'batch' | undefined {
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    return {
      query: search.get('query') ?? undefined,
      operationName: search.get('operationName') ?? undefined,
      variables: parseJson(search.get('variables')),
      extensions: parseJson(search.get('extensions')),
    };
  }
  if (Array.isArray(request.body)) return 'batch';
  if (typeof request.body === 'object' && request.body !== null) return request.body;
  return undefined;
}

function persistedHashOf(extensions: unknown): { present: boolean; hash: unknown } {
  if (typeof extensions !== 'object' || extensions === null || !('persistedQuery' in extensions)) {
    return { present: false, hash: undefined };
  }
  const persisted = extensions.persistedQuery;
  const hash =
    typeof persisted === 'object' && persisted !== null && 'sha256Hash' in persisted
      ? persisted.sha256Hash
      : undefined;
  return { present: true, hash };
}

/** `request` with the persisted query's hash replaced (a trusted document's id → its sha256). */
function withPersistedHash(request: GraphQLHttpRequest, params: GraphQLParams, sha256: string) {
  const extensions = {
    ...(params.extensions as Record<string, unknown>),
    persistedQuery: { version: 1, sha256Hash: sha256 },
  };
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.search);
    search.set('extensions', JSON.stringify(extensions));
    request.search = `?${search.toString()}`;
  } else {
    request.body = { ...params, extensions };
  }
}

function rateKey(kind: RateLimitKey['kind'], value: string): string {
  // Hashed: bounded key size whatever `sub` holds, and no identity in clear in Redis.
  return `${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 24)}`;
}

const SAFELIST_MESSAGE = (clientType: ClientType) =>
  `${clientType} clients may run only the trusted documents of operations/: send ` +
  'extensions.persistedQuery.sha256Hash with the sha256 (or the id) of one, or its exact text.';

/**
 * Builds the request gate (policy/limits.yaml): in this order, the rate limits (429 with
 * Retry-After), the client text that reaches the audit record (operationName, persisted-query
 * hash), the safelist of trusted documents for system clients (403), unsafe characters in
 * variables, and the operation limits on the document (400), each refusal naming its limit and the
 * measured value. Everything runs before Apollo Server parses, validates or plans anything, and
 * each check's work is bounded by the request's size (at most the HTTP body limit).
 */
export function createRequestGate(options: RequestGateOptions): RequestGate {
  const { config, rateLimiter } = options;
  const trusted = trustedDocumentIndex(options.trustedDocuments);
  const refusals = createRefusalCounter();
  let schema: GraphQLSchema | undefined;

  const refuse = async (
    context: GatewayContext,
    error: HttpError,
    startedAt: number,
    audited: Omit<GateRefusal, 'code' | 'latencyMs'> | undefined,
  ): Promise<never> => {
    const clientType = context.caller?.clientType ?? 'public';
    refusals.record({
      code: error.code,
      clientType,
      ...(typeof error.extensions.limit === 'string' && { limit: error.extensions.limit }),
    });
    if (audited && options.audit) {
      await options.audit(context, {
        ...audited,
        code: error.code,
        latencyMs: Math.round(performance.now() - startedAt),
      });
    }
    throw new HttpError(error.status, error.message, error.code, {
      extensions: error.extensions,
      headers: { ...error.headers, 'x-request-id': context.requestId },
    });
  };

  const takeTokens = async (req: IncomingMessage, context: GatewayContext) => {
    const caller = context.caller;
    if (!caller) return undefined;
    const keys: RateLimitKey[] = [];
    if (caller.clientType === 'public') {
      const address = clientAddress(req, config.rateLimits.trustForwardedFor);
      keys.push({
        kind: 'anonymous',
        key: rateKey('anonymous', address),
        budget: config.rateLimits.anonymous,
      });
    } else {
      keys.push({
        kind: 'identity',
        key: rateKey('identity', `${caller.clientType}\u0000${caller.sub}`),
        budget: limitsForClientType(config, caller.clientType).identity,
      });
      if (caller.dept) {
        keys.push({
          kind: 'department',
          key: rateKey('department', caller.dept),
          budget: config.rateLimits.department,
        });
      }
    }
    const decision = await rateLimiter.take(keys);
    if (decision.allowed) return undefined;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    const budget = keys.find((key) => key.kind === decision.kind)?.budget;
    const whose =
      decision.kind === 'department'
        ? `department ${caller.dept}`
        : `this ${decision.kind === 'anonymous' ? 'address' : 'identity'}`;
    return new HttpError(
      429,
      `Too many requests for ${whose} (${budget?.perSecond}/s, bursts of ${budget?.burst}); retry in ${seconds} s.`,
      'RATE_LIMITED',
      {
        extensions: { limit: decision.kind, retryAfterSeconds: seconds },
        headers: { 'retry-after': String(seconds) },
      },
    );
  };

  return {
    refusals,
    setSchema(loaded) {
      schema = loaded;
    },
    async admit(req, request, context) {
      const startedAt = performance.now();
      const caller = context.caller;
      if (!caller) return;
      const throttled = await takeTokens(req, context);
      if (throttled) await refuse(context, throttled, startedAt, undefined);

      const params = paramsOf(request);
      if (params === undefined) return;
      if (params === 'batch') {
        const error = new HttpError(
          400,
          'Batched operations are not accepted: send one operation per request.',
          'BATCHING_NOT_SUPPORTED',
        );
        const documentHash = createHash('sha256').update('').digest('hex');
        return refuse(context, error, startedAt, { operationName: null, documentHash });
      }
      const limits = limitsForClientType(config, caller.clientType);
      const text = typeof params.query === 'string' ? params.query : undefined;
      const persisted = persistedHashOf(params.extensions);
      const textHash = () =>
        createHash('sha256')
          .update(text ?? '')
          .digest('hex');
      const nameOk = clientText.isOperationName(
        params.operationName,
        config.text.maxOperationNameLength,
      );
      const audited = () => ({
        operationName: nameOk ? (params.operationName as string) : null,
        documentHash: clientText.isSha256Hex(persisted.hash) ? persisted.hash : textHash(),
      });

      if (params.operationName !== undefined && params.operationName !== null && !nameOk) {
        const name = params.operationName;
        const problem =
          typeof name === 'string'
            ? clientText.operationNameProblem(name, config.text.maxOperationNameLength)
            : 'is not a string';
        const error = new HttpError(400, `operationName ${problem}.`, 'OPERATION_NAME_INVALID', {
          extensions: {
            limit: 'maxOperationNameLength',
            max: config.text.maxOperationNameLength,
            ...(typeof name === 'string' && { measured: name.length }),
          },
        });
        return refuse(context, error, startedAt, audited());
      }

      let document: TrustedDocument | undefined;
      if (persisted.present) {
        const hash = persisted.hash;
        document = clientText.isSha256Hex(hash)
          ? trusted.bySha256(hash)
          : typeof hash === 'string'
            ? trusted.byId(hash)
            : undefined;
        if (!clientText.isSha256Hex(hash) && !document) {
          const error = new HttpError(
            400,
            'extensions.persistedQuery.sha256Hash must be a sha256 in lower-case hex (64 characters) or the id of a trusted document.',
            'PERSISTED_QUERY_HASH_INVALID',
          );
          return refuse(context, error, startedAt, audited());
        }
        if (document && !clientText.isSha256Hex(hash))
          withPersistedHash(request, params, document.sha256);
      } else if (text !== undefined) {
        document = trusted.byText(text);
      }
      // A hash alone that names no trusted document goes on to Apollo Server, which answers
      // PERSISTED_QUERY_NOT_FOUND (and the audit log records it): no text of the client runs.
      const unknownHashOnly = persisted.present && !document && text === undefined;
      const trustedRun = document !== undefined && (text === undefined || text === document.text);
      if (limits.safelisted && !trustedRun && !unknownHashOnly) {
        const error = new HttpError(
          403,
          SAFELIST_MESSAGE(caller.clientType),
          'QUERY_NOT_IN_SAFELIST',
        );
        return refuse(context, error, startedAt, {
          ...audited(),
          ...(document && { documentHash: document.sha256 }),
        });
      }

      const variables =
        typeof params.variables === 'object' && params.variables !== null ? params.variables : {};
      const unsafe = findUnsafeValue(variables, '$', limits.operation.maxNesting);
      if (unsafe) {
        const error = new HttpError(
          400,
          `Variable ${unsafe.path} ${unsafe.problem}: ids and text must be plain Unicode.`,
          'BAD_USER_INPUT',
          { extensions: { variable: unsafe.path } },
        );
        return refuse(context, error, startedAt, audited());
      }

      const source = text ?? document?.text;
      if (source === undefined) return; // an unknown hash: Apollo answers PERSISTED_QUERY_NOT_FOUND
      const verdict = checkOperation({
        text: source,
        operationName: nameOk ? (params.operationName as string) : undefined,
        variables: variables as Record<string, unknown>,
        schema,
        limits: limits.operation,
        cost: config.cost,
      });
      if (verdict.kind === 'pass') {
        context.limits = verdict.measures;
        return;
      }
      if (verdict.kind === 'unparsed') return;
      const error =
        verdict.kind === 'exceeded'
          ? limitRefusal(verdict, caller.clientType)
          : new HttpError(400, verdict.message, verdict.code);
      return refuse(context, error, startedAt, audited());
    },
  };
}
