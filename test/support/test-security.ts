import { randomUUID } from 'node:crypto';
import type { Caller, CallerIdentity, Department, Purpose } from '../../lib/auth/caller';
import {
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../../lib/auth/internal-token';
import { createMemoryKeyStore } from '../../lib/auth/key-store';
import type { KeyStore } from '../../lib/auth/key-store';
import { signUserToken } from '../../lib/auth/user-token';
import { loadPolicy } from '../../lib/policy/load-policy';
import type { Policy } from '../../lib/policy/types';
import { createSystemSecurity } from '../../scripts/lib/system-security';
import type { SystemSecurity } from '../../scripts/lib/system-security';

/**
 * Real keys (in memory) and the real policy for tests: subgraphs started with
 * `security.subgraph(name)` refuse anything not signed like production signs it.
 */
export interface TestSecurity extends SystemSecurity {
  keys: KeyStore;
  /** Headers of a direct subgraph call as the gateway would send them for `caller`. */
  gatewayHeaders(subgraph: string, caller: Caller): Promise<Record<string, string>>;
  /** `Authorization: Bearer` + purpose headers of a client calling the gateway. */
  userHeaders(
    identity: CallerIdentity,
    purpose?: Purpose,
    caseRef?: string,
  ): Promise<Record<string, string>>;
}

/** Test security over the default policy, or `policy` (e.g. a see-all policy for data-flow tests). */
export function createTestSecurity(
  options: { policy?: Policy; supergraphSdl?: string } = {},
): TestSecurity {
  const keys = createMemoryKeyStore();
  const system = createSystemSecurity({
    keys,
    policy: options.policy,
    supergraphSdl: options.supergraphSdl,
    production: false,
    env: {},
  });
  return {
    ...system,
    keys,
    async gatewayHeaders(subgraph, caller) {
      const { privateKey } = await keys.keyPair('gateway-internal');
      const token = await signInternalToken(caller, {
        audience: subgraph,
        requestId: randomUUID(),
        issuer: GATEWAY_ISSUER,
        key: privateKey,
      });
      return { [INTERNAL_CONTEXT_HEADER]: token };
    },
    async userHeaders(identity, purpose, caseRef) {
      const { privateKey } = await keys.keyPair('user-token');
      const token = await signUserToken(identity, { key: privateKey });
      return {
        authorization: `Bearer ${token}`,
        ...(purpose && { 'x-purpose': purpose }),
        ...(caseRef && { 'x-case-ref': caseRef }),
      };
    },
  };
}

/** An officer of `dept` asking for `purpose` (with a case reference). */
export function officer(dept: Department, purpose: Purpose = 'ADMIN_ENFORCEMENT'): Caller {
  return {
    sub: `test-officer-${dept.toLowerCase()}`,
    dept,
    roles: ['officer'],
    clientType: 'officer',
    purpose,
    caseRef: 'CASE-TEST-0001',
  };
}

/** The policy of the test data-flow checks: every field to `developer` clients (test only). */
export function loadSeeAllTestPolicy(): Policy {
  return loadPolicy({ path: `${__dirname}/../fixtures/see-all-test-policy.yaml` });
}
