import type { InternalContext } from '../../../lib/auth/internal-token';
import {
  COLLECTOR_ISSUER,
  GATEWAY_ISSUER,
  createInternalTokenVerifier,
} from '../../../lib/auth/internal-token';
import type { KeyStore } from '../../../lib/auth/key-store';
import type { Policy } from '../../../lib/policy/types';

/**
 * What a subgraph needs to trust a request: who may sign internal context tokens for it, and the
 * policy it enforces field by field. Required by `startSubgraph`, so no subgraph runs open.
 */
export interface SubgraphSecurity {
  policy: Policy;
  /** Verifies the `x-internal-context` header; throws HttpError 401 when it is not valid. */
  verifyInternalToken(header: string | string[] | undefined): Promise<InternalContext>;
}

/**
 * Security for subgraph `subgraphName`: tokens signed by the gateway or by the credit
 * collector's service identity (public keys from `keys`), audience `subgraphName`.
 */
export async function createSubgraphSecurity(options: {
  subgraphName: string;
  keys: KeyStore;
  policy: Policy;
}): Promise<SubgraphSecurity> {
  const verify = createInternalTokenVerifier({
    subgraphName: options.subgraphName,
    trustedIssuers: {
      [GATEWAY_ISSUER]: await options.keys.publicKey('gateway-internal'),
      [COLLECTOR_ISSUER]: await options.keys.publicKey('collector-internal'),
    },
  });
  return { policy: options.policy, verifyInternalToken: verify };
}
