import type { ClientType } from '../../lib/auth/caller';
import type { LimitsConfig, OperationLimits, RateBudget } from './limits-config';

/** The limits one client type is held to. */
export interface ClientTypeLimits {
  operation: OperationLimits;
  /** Budget of each identity of this client type. */
  identity: RateBudget;
  /** Whether it may run only trusted documents. */
  safelisted: boolean;
}

/** The defaults of `config` with the client type's overrides applied. */
export function limitsForClientType(
  config: LimitsConfig,
  clientType: ClientType,
): ClientTypeLimits {
  return {
    operation: { ...config.operation.defaults, ...config.operation.byClientType[clientType] },
    identity: config.rateLimits.identityByClientType[clientType] ?? config.rateLimits.identity,
    safelisted: config.safelist.clientTypes.includes(clientType),
  };
}
