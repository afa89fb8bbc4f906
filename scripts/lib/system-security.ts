import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { loadUserTokenKey } from '../../gateway/auth/load-user-token-key';
import { createUserTokenVerifier } from '../../gateway/auth/verify-user-token';
import { createGatewaySecurity } from '../../gateway/security/gateway-security';
import type { GatewaySecurity } from '../../gateway/security/gateway-security';
import type { AuditWriter } from '../../lib/audit/audit-writer';
import type { KeyStore } from '../../lib/auth/key-store';
import { loadPolicy } from '../../lib/policy/load-policy';
import type { Policy } from '../../lib/policy/types';
import { validatePolicyAgainstSchema } from '../../lib/policy/validate-policy-against-schema';
import { collectorServiceHeaders } from '../../subgraphs/kit/authz/service-headers';
import { createSubgraphSecurity } from '../../subgraphs/kit/authz/subgraph-security';
import type { SubgraphSecurity } from '../../subgraphs/kit/authz/subgraph-security';

/** The composed supergraph checked in by `npm run compose`. */
export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** `JWT_MAX_LIFETIME_SECONDS`: the longest user token lifetime the gateway accepts (default a day). */
function maxTokenLifetime(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.JWT_MAX_LIFETIME_SECONDS?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 60) {
    throw new Error(
      `JWT_MAX_LIFETIME_SECONDS must be a whole number of seconds, at least 60, got "${raw}"`,
    );
  }
  return value;
}

/** Options of {@link createSystemSecurity}. */
export interface SystemSecurityOptions {
  /** Signing and verification keys (dev keys under `.data/keys`, or in memory for tests). */
  keys: KeyStore;
  /** The policy; default `policy/policy.yaml`, validated against `supergraphSdl`. */
  policy?: Policy;
  /** Supergraph the policy must fit; default the checked-in `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  /** Where the user-token key comes from (JWKS_URL, JWT_PUBLIC_KEY_FILE); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Data folder of the dev keys; default `.data`. */
  dataDir?: string;
  /** Production: no open introspection; default `NODE_ENV === 'production'`. */
  production?: boolean;
}

/** Security of every service of one system, from one policy and one key store. */
export interface SystemSecurity {
  policy: Policy;
  keys: KeyStore;
  subgraph(name: string): Promise<SubgraphSecurity>;
  /** The gateway's security, writing every operation to `audit` when given. */
  gateway(audit?: AuditWriter): Promise<GatewaySecurity>;
  /** Headers the credit collector calls department subgraphs with. */
  serviceHeaders(subgraph: string): Promise<Record<string, string>>;
  /**
   * Whether user tokens are verified with the dev `user-token` key of `keys` (development, no
   * JWKS_URL or JWT_PUBLIC_KEY_FILE): only then can the gateway's dev sign-in mint usable tokens.
   */
  devUserTokens: boolean;
}

/**
 * Loads the policy (refusing to start on any problem, named) and wires the keys: the gateway
 * verifies user JWTs and signs internal tokens; subgraphs trust only the gateway and collector.
 */
export function createSystemSecurity(options: SystemSecurityOptions): SystemSecurity {
  const policy = options.policy ?? loadPolicy();
  const supergraph = options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8');
  validatePolicyAgainstSchema(policy, buildSchema(supergraph));
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const env = options.env ?? process.env;
  // Production (or a configured issuer) verifies against JWKS_URL / JWT_PUBLIC_KEY_FILE;
  // development against the dev user-token key of this system's key store.
  const external = production || Boolean(env.JWKS_URL?.trim() || env.JWT_PUBLIC_KEY_FILE?.trim());
  return {
    policy,
    keys: options.keys,
    subgraph: (name) => createSubgraphSecurity({ subgraphName: name, keys: options.keys, policy }),
    async gateway(audit) {
      // The production flag reaches the loader too, so it refuses dev keys rather than
      // falling back to them.
      const loaderEnv = production ? { ...env, NODE_ENV: 'production' } : env;
      const key = external
        ? (await loadUserTokenKey({ env: loaderEnv, dataDir: options.dataDir })).key
        : await options.keys.publicKey('user-token');
      return createGatewaySecurity({
        // A real identity provider names its own issuer and audience.
        verifyUserToken: createUserTokenVerifier({
          key,
          issuer: env.JWT_ISSUER?.trim() || undefined,
          audience: env.JWT_AUDIENCE?.trim() || undefined,
          maxLifetimeSeconds: maxTokenLifetime(env),
        }),
        keys: options.keys,
        policy,
        openIntrospection: !production,
        audit,
      });
    },
    serviceHeaders: collectorServiceHeaders(options.keys),
    devUserTokens: !external,
  };
}
