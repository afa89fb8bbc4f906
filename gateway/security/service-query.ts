import {
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../../lib/auth/internal-token';
import type { Caller } from '../../lib/auth/caller';
import type { KeyStore } from '../../lib/auth/key-store';

/** One query the gateway asks a subgraph as its own service identity. */
export interface ServiceQuery {
  /** Holds the gateway's internal signing key (`gateway-internal`). */
  keys: KeyStore;
  /** The subgraph's GraphQL URL; undefined makes the call fail. */
  url: string | undefined;
  /** Subgraph name (the token's audience, and named in errors). */
  subgraph: string;
  /** The gateway's service identity for this call. */
  caller: Readonly<Caller>;
  /** The operation the call serves: the subgraph's log ties the call to it. */
  requestId: string;
  query: string;
  variables: Record<string, unknown>;
  timeoutMs: number;
}

/**
 * Sends `query` to a subgraph signed as the gateway's service identity and returns its `data`;
 * throws `fail(message)` naming what went wrong (unreachable, HTTP status, GraphQL errors, no
 * data), so the caller can fail closed.
 */
export async function callServiceQuery(
  call: ServiceQuery,
  fail: (message: string) => Error,
): Promise<Record<string, unknown>> {
  const { subgraph } = call;
  if (call.url === undefined) throw fail(`subgraph ${subgraph} has no URL`);
  const { privateKey } = await call.keys.keyPair('gateway-internal');
  const token = await signInternalToken(call.caller, {
    audience: subgraph,
    requestId: call.requestId,
    issuer: GATEWAY_ISSUER,
    key: privateKey,
  });
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_CONTEXT_HEADER]: token,
        'x-request-id': call.requestId,
      },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail(`subgraph ${subgraph} is unreachable (${reason})`);
  }
  if (!response.ok) throw fail(`subgraph ${subgraph} answered HTTP ${response.status}`);
  const body = (await response.json().catch(() => undefined)) as
    | { data?: unknown; errors?: { message?: unknown }[] }
    | undefined;
  if (body?.errors?.length) {
    const messages = body.errors.map((error) => String(error.message)).join('; ');
    throw fail(`subgraph ${subgraph} refused the lookup: ${messages}`);
  }
  const data = body?.data;
  if (typeof data !== 'object' || data === null) {
    throw fail(`subgraph ${subgraph} sent a malformed answer`);
  }
  return data as Record<string, unknown>;
}
