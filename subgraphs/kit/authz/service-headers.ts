import { randomUUID } from 'node:crypto';
import {
  COLLECTOR_CALLER,
  COLLECTOR_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../../../lib/auth/internal-token';
import type { KeyStore } from '../../../lib/auth/key-store';

/**
 * Headers with which the credit collector calls a department subgraph: a short-lived internal
 * context token signed with the collector's own key (never the gateway's), audience = subgraph.
 */
export function collectorServiceHeaders(
  keys: KeyStore,
): (subgraph: string) => Promise<Record<string, string>> {
  return async (subgraph) => {
    const { privateKey } = await keys.keyPair('collector-internal');
    const requestId = randomUUID();
    const token = await signInternalToken(COLLECTOR_CALLER, {
      audience: subgraph,
      requestId,
      issuer: COLLECTOR_ISSUER,
      key: privateKey,
    });
    return { [INTERNAL_CONTEXT_HEADER]: token, 'x-request-id': requestId };
  };
}
