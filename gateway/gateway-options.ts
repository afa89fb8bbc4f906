import type { ApolloServerPlugin } from '@apollo/server';
import type { DevSignInOptions } from './dev-sign-in/dev-sign-in-options';
import type { GatewayContext } from './gateway-context';
import type { LimitsConfig } from './limits/limits-config';
import type { RateLimiter } from './limits/rate-limiter';
import type { TrustedDocument } from './operations/load-trusted-documents';
import type { GatewaySecurity } from './security/gateway-security';

/** Options of `startGateway`. */
export interface GatewayOptions {
  /** Port to listen on; default 4000 (`0` = any free port). */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (set `0.0.0.0` behind a reverse proxy). */
  host?: string;
  /** Supergraph SDL to serve; default the contents of `supergraphPath`. */
  supergraphSdl?: string;
  /** Where to read the supergraph when `supergraphSdl` is not given; default `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /**
   * Subgraph URLs by subgraph name, replacing the URLs written in the supergraph (which are the
   * embedded default's fixed ports); default none. A name the supergraph lacks is an error.
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  /**
   * Production mode: no stack traces, no internal URLs in errors, no introspection; default
   * `NODE_ENV === 'production'`.
   */
  production?: boolean;
  /** Gives up on one subgraph fetch after this many milliseconds; default 30 000. */
  subgraphTimeoutMs?: number;
  /** How long `/health` waits for each subgraph's `/health`; default 1000 ms. */
  healthTimeoutMs?: number;
  /** Serve the GraphiQL playground at `GET /` for browsers; default true. */
  playground?: boolean;
  /** Serve the audit console (`/audit/`) and the citizen page (`/me/`); default true. */
  pages?: boolean;
  /**
   * Citizen id of the playground's sample tabs (a seeded person); default a syntactically valid
   * example.
   */
  playgroundPersonId?: string;
  /**
   * Development sign-in of the pages and the playground (`/dev/identities`, `POST /dev/token`):
   * mints short-lived user tokens with the dev key. Default none (both answer 403); refused in
   * production (startGateway throws).
   */
  devSignIn?: DevSignInOptions;
  /** Extra Apollo Server plugins (authentication, policy, audit), after the built-in ones; default none. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /**
   * Authentication, per-fetch internal tokens and the policy pre-check (createGatewaySecurity);
   * required, so the gateway never serves unauthenticated person data.
   */
  security: GatewaySecurity;
  /** Persisted operations callable by hash; default every `operations/*.graphql` file. */
  trustedDocuments?: readonly TrustedDocument[];
  /** Bearer token `/metrics` requires; default none (`/metrics` open, as `/health` is). */
  metricsToken?: string;
  /** Export the process's CPU, memory and event-loop metrics on `/metrics`; default true. */
  processMetrics?: boolean;
  /**
   * Request limits, rate budgets and the safelist (policy/limits.yaml); default
   * `loadLimitsConfig()`. `false` turns the request gate off: for the benchmark's limits-off
   * rounds only, refused in production.
   */
  limits?: LimitsConfig | false;
  /**
   * Keeps the rate budgets in this Redis, shared by every gateway process using it; default the
   * `REDIS_URL` environment variable; empty: in this process's memory.
   */
  redisUrl?: string;
  /** A rate limiter to use instead of the one `redisUrl` selects (tests); not closed by stop(). */
  rateLimiter?: RateLimiter;
  /** Most open connections to each subgraph (more fetches queue); default 64. */
  subgraphConnections?: number;
  /** Largest request body, in bytes (413 beyond); default 1 MiB. */
  maxBodyBytes?: number;
}
